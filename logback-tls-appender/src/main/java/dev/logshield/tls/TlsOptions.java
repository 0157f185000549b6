package dev.logshield.tls;

import dev.logshield.tls.config.TlsClientSettings;
import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.config.TlsContextFactory;
import dev.logshield.tls.delivery.TransportFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

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
        ReloadingContext contexts;
        try {
            contexts = new ReloadingContext(settings, TlsContextFactory.create(settings), listener);
        } catch (TlsConfigException e) {
            throw new TlsSetupException(e.getMessage(), e);
        }
        return new TlsTransportFactory(contexts, settings, connectTimeoutMs, handshakeTimeoutMs, probeMs);
    }

    /** Told when the TLS material is reloaded or a reload fails. */
    interface ContextListener {
        void reloaded(String what);

        void reloadFailed(String problem);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Rebuilds the context at a connect when a configured file changed; keeps the old one if the new is broken. */
    static final class ReloadingContext implements java.util.function.Supplier<SSLContext> {
        private final TlsClientSettings settings;
        private final ContextListener listener;
        private SSLContext current;
        private String fingerprint;

        ReloadingContext(TlsClientSettings settings, SSLContext initial, ContextListener listener) {
            this.settings = settings;
            this.listener = listener;
            this.current = initial;
            this.fingerprint = fingerprint(settings.files());
        }

        @Override
        public synchronized SSLContext get() {
            String now = fingerprint(settings.files());
            if (!now.equals(fingerprint)) {
                try {
                    current = TlsContextFactory.create(settings);
                    fingerprint = now;
                    listener.reloaded("TLS key material reloaded from " + settings.files());
                } catch (TlsConfigException | RuntimeException e) {
                    listener.reloadFailed("changed TLS files cannot be used (" + e.getMessage()
                            + "); still using the previous ones");
                }
            }
            return current;
        }

        private static String fingerprint(List<Path> files) {
            StringBuilder text = new StringBuilder();
            for (Path file : files) {
                try {
                    byte[] bytes = java.nio.file.Files.readAllBytes(file);
                    text.append(file).append('=').append(java.util.Arrays.hashCode(bytes)).append(':')
                            .append(bytes.length).append(';');
                } catch (java.io.IOException e) {
                    text.append(file).append("=unreadable;");
                }
            }
            return text.toString();
        }
    }
}
