package dev.logshield.tls.receiver;

import static dev.logshield.tls.config.TlsElements.present;

import dev.logshield.tls.config.KeySource;
import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.config.TlsElements;
import dev.logshield.tls.config.TlsServerSettings;
import dev.logshield.tls.config.TrustSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The receiver's TLS elements as Joran set them (the ones it shares with the appender, in {@link #elements}),
 * checked and turned into {@link TlsServerSettings} in start(), with messages that name the receiver's elements.
 */
final class ReceiverTlsOptions {

    final TlsElements elements = new TlsElements();

    /**
     * @throws TlsConfigException saying which element is missing or in conflict, and what to configure
     */
    TlsServerSettings settings() throws TlsConfigException {
        return TlsServerSettings.of(keySource(), trustSource(),
                present(elements.protocols) ? Arrays.asList(elements.protocols.strip().split("[,\\s]+"))
                        : List.of(),
                elements.revocationSource());
    }

    private KeySource keySource() throws TlsConfigException {
        boolean pem = present(elements.certificate) || present(elements.privateKey);
        if (pem && present(elements.keyStore)) {
            throw new TlsConfigException("both <certificate>/<privateKey> and <keyStore> are configured for the"
                    + " receiver's own key; configure one of them");
        }
        if (present(elements.keyStore)) {
            if (!present(elements.keyStorePassword)) {
                throw new TlsConfigException("<keyStore> " + elements.keyStore.strip() + " is configured without"
                        + " <keyStorePassword> (LogShield has no default password)");
            }
            return KeySource.pkcs12(Path.of(elements.keyStore.strip()), elements.keyStorePassword.toCharArray(),
                    present(elements.keyAlias) ? elements.keyAlias.strip() : null);
        }
        if (!pem) {
            throw new TlsConfigException("no receiver certificate: configure <certificate> (PEM, leaf first) and"
                    + " <privateKey>, or <keyStore> and <keyStorePassword> (PKCS#12)");
        }
        if (!present(elements.certificate)) {
            throw new TlsConfigException("<privateKey> " + elements.privateKey.strip()
                    + " is configured without its <certificate> (PEM, leaf first)");
        }
        if (!present(elements.privateKey)) {
            throw new TlsConfigException("<certificate> " + elements.certificate.strip()
                    + " is configured without its <privateKey>");
        }
        return KeySource.pem(Path.of(elements.certificate.strip()), Path.of(elements.privateKey.strip()),
                present(elements.privateKeyPassword) ? elements.privateKeyPassword.toCharArray() : null);
    }

    private TrustSource trustSource() throws TlsConfigException {
        if (present(elements.trustedCertificates) && present(elements.trustStore)) {
            throw new TlsConfigException("both <trustedCertificates> and <trustStore> are configured; configure one");
        }
        if (present(elements.trustStore)) {
            if (!present(elements.trustStorePassword)) {
                throw new TlsConfigException("<trustStore> " + elements.trustStore.strip() + " is configured without"
                        + " <trustStorePassword> (LogShield has no default password)");
            }
            return TrustSource.trustStore(Path.of(elements.trustStore.strip()),
                    present(elements.trustStoreType) ? elements.trustStoreType.strip() : null,
                    elements.trustStorePassword.toCharArray());
        }
        if (!present(elements.trustedCertificates)) {
            throw new TlsConfigException("no client CA: configure <trustedCertificates> (the PEM bundle of the CAs that"
                    + " issue your clients' certificates) or <trustStore>; the receiver never trusts the JVM's"
                    + " default CAs");
        }
        return TrustSource.pem(Path.of(elements.trustedCertificates.strip()));
    }
}
