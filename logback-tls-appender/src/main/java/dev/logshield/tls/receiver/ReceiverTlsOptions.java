package dev.logshield.tls.receiver;

import dev.logshield.tls.config.KeySource;
import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.config.TlsServerSettings;
import dev.logshield.tls.config.TrustSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The receiver's TLS elements as Joran set them, checked and turned into {@link TlsServerSettings} in start(). */
final class ReceiverTlsOptions {

    String certificate;
    String privateKey;
    String privateKeyPassword;
    String keyStore;
    String keyStorePassword;
    String keyAlias;
    String trustedCertificates;
    String trustStore;
    String trustStorePassword;
    String trustStoreType;
    String protocols;
    String revocationList;

    /**
     * @throws TlsConfigException saying which element is missing or in conflict, and what to configure
     */
    TlsServerSettings settings() throws TlsConfigException {
        return TlsServerSettings.of(keySource(), trustSource(),
                present(protocols) ? Arrays.asList(protocols.strip().split("[,\\s]+")) : List.of(),
                present(revocationList) ? Path.of(revocationList.strip()) : null);
    }

    private KeySource keySource() throws TlsConfigException {
        boolean pem = present(certificate) || present(privateKey);
        if (pem && present(keyStore)) {
            throw new TlsConfigException("both <certificate>/<privateKey> and <keyStore> are configured for the"
                    + " receiver's own key; configure one of them");
        }
        if (present(keyStore)) {
            if (!present(keyStorePassword)) {
                throw new TlsConfigException("<keyStore> " + keyStore.strip() + " is configured without"
                        + " <keyStorePassword> (LogShield has no default password)");
            }
            return KeySource.pkcs12(Path.of(keyStore.strip()), keyStorePassword.toCharArray(),
                    present(keyAlias) ? keyAlias.strip() : null);
        }
        if (!pem) {
            throw new TlsConfigException("no receiver certificate: configure <certificate> (PEM, leaf first) and"
                    + " <privateKey>, or <keyStore> and <keyStorePassword> (PKCS#12)");
        }
        if (!present(certificate)) {
            throw new TlsConfigException("<privateKey> " + privateKey.strip() + " is configured without its"
                    + " <certificate> (PEM, leaf first)");
        }
        if (!present(privateKey)) {
            throw new TlsConfigException("<certificate> " + certificate.strip() + " is configured without its"
                    + " <privateKey>");
        }
        return KeySource.pem(Path.of(certificate.strip()), Path.of(privateKey.strip()),
                present(privateKeyPassword) ? privateKeyPassword.toCharArray() : null);
    }

    private TrustSource trustSource() throws TlsConfigException {
        if (present(trustedCertificates) && present(trustStore)) {
            throw new TlsConfigException("both <trustedCertificates> and <trustStore> are configured; configure one");
        }
        if (present(trustStore)) {
            if (!present(trustStorePassword)) {
                throw new TlsConfigException("<trustStore> " + trustStore.strip() + " is configured without"
                        + " <trustStorePassword> (LogShield has no default password)");
            }
            return TrustSource.trustStore(Path.of(trustStore.strip()), present(trustStoreType) ? trustStoreType.strip()
                    : null, trustStorePassword.toCharArray());
        }
        if (!present(trustedCertificates)) {
            throw new TlsConfigException("no client CA: configure <trustedCertificates> (the PEM bundle of the CAs that"
                    + " issue your clients' certificates) or <trustStore>; the receiver never trusts the JVM's"
                    + " default CAs");
        }
        return TrustSource.pem(Path.of(trustedCertificates.strip()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
