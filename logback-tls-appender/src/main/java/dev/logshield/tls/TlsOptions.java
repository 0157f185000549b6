package dev.logshield.tls;

import dev.logshield.tls.config.TlsClientSettings;
import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.config.KeyMaterial;
import dev.logshield.tls.config.ReloadingTlsContext;
import dev.logshield.tls.config.TrustMaterial;
import dev.logshield.tls.delivery.TransportFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The appender's TLS elements as set by Joran, turned into settings and a transport factory in {@code start()}. */
final class TlsOptions {

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
    boolean hostnameVerification = true;
    final List<String> pins = new ArrayList<>();

    TlsClientSettings settings() throws TlsSetupException {
        try {
            TlsClientSettings.Builder builder = TlsClientSettings.builder();
            if (present(certificate)) {
                builder.certificate(Path.of(certificate.trim()));
            }
            if (present(privateKey)) {
                builder.privateKey(Path.of(privateKey.trim()));
            }
            if (present(privateKeyPassword)) {
                builder.privateKeyPassword(privateKeyPassword.toCharArray());
            }
            if (present(keyStore)) {
                builder.keyStore(Path.of(keyStore.trim()));
            }
            if (present(keyStorePassword)) {
                builder.keyStorePassword(keyStorePassword.toCharArray());
            }
            if (present(keyAlias)) {
                builder.keyAlias(keyAlias.trim());
            }
            if (present(trustedCertificates)) {
                builder.trustedCertificates(Path.of(trustedCertificates.trim()));
            }
            if (present(trustStore)) {
                builder.trustStore(Path.of(trustStore.trim()));
            }
            if (present(trustStorePassword)) {
                builder.trustStorePassword(trustStorePassword.toCharArray());
            }
            if (present(trustStoreType)) {
                builder.trustStoreType(trustStoreType.trim());
            }
            for (String pin : pins) {
                builder.pins(pin);
            }
            builder.hostnameVerification(hostnameVerification);
            if (present(protocols)) {
                builder.protocols(protocols.split("[,\\s]+"));
            }
            return builder.build();
        } catch (TlsConfigException e) {
            throw new TlsSetupException(e.getMessage(), e);
        }
    }

    /** Loads and checks the material now (so a broken configuration stops the appender at start). */
    TransportFactory transportFactory(TlsClientSettings settings, ContextListener listener, int connectTimeoutMs,
                                      int handshakeTimeoutMs, int probeMs) throws TlsSetupException {
        ReloadingTlsContext contexts;
        try {
            contexts = ReloadingTlsContext.start(settings, new ReloadingTlsContext.Listener() {
                @Override
                public void reloadFailed(String problem) {
                    listener.reloadFailed(problem);
                }

                @Override
                public void reloaded(KeyMaterial key, TrustMaterial trust) {
                    listener.reloaded("TLS material reloaded: " + key.describe());
                }
            });
        } catch (TlsConfigException e) {
            throw new TlsSetupException(e.getMessage(), e);
        }
        for (String warning : contexts.keyMaterial().warnings()) {
            listener.warning(warning);
        }
        return new TlsTransportFactory(contexts::current, settings, connectTimeoutMs, handshakeTimeoutMs, probeMs);
    }

    /** Told when the TLS material is reloaded or a reload fails. */
    interface ContextListener {
        void reloaded(String what);

        void reloadFailed(String problem);

        void warning(String warning);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
