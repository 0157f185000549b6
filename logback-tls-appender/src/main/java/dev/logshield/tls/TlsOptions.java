package dev.logshield.tls;

import static dev.logshield.tls.config.TlsElements.present;

import dev.logshield.tls.config.TlsClientSettings;
import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.config.TlsElements;
import dev.logshield.tls.config.KeyMaterial;
import dev.logshield.tls.config.ReloadingTlsContext;
import dev.logshield.tls.config.TrustMaterial;
import dev.logshield.tls.delivery.TransportFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The appender's TLS elements as set by Joran (the ones the receiver shares in {@link #elements}, revocation lists
 * included, plus the client's pins and hostname verification), turned into settings and a transport factory in {@code start()}.
 */
final class TlsOptions {

    final TlsElements elements = new TlsElements();
    boolean hostnameVerification = true;
    final List<String> pins = new ArrayList<>();

    TlsClientSettings settings() throws TlsSetupException {
        try {
            TlsClientSettings.Builder builder = TlsClientSettings.builder();
            if (present(elements.certificate)) {
                builder.certificate(Path.of(elements.certificate.trim()));
            }
            if (present(elements.privateKey)) {
                builder.privateKey(Path.of(elements.privateKey.trim()));
            }
            if (present(elements.privateKeyPassword)) {
                builder.privateKeyPassword(elements.privateKeyPassword.toCharArray());
            }
            if (present(elements.keyStore)) {
                builder.keyStore(Path.of(elements.keyStore.trim()));
            }
            if (present(elements.keyStorePassword)) {
                builder.keyStorePassword(elements.keyStorePassword.toCharArray());
            }
            if (present(elements.keyAlias)) {
                builder.keyAlias(elements.keyAlias.trim());
            }
            if (present(elements.trustedCertificates)) {
                builder.trustedCertificates(Path.of(elements.trustedCertificates.trim()));
            }
            if (present(elements.trustStore)) {
                builder.trustStore(Path.of(elements.trustStore.trim()));
            }
            if (present(elements.trustStorePassword)) {
                builder.trustStorePassword(elements.trustStorePassword.toCharArray());
            }
            if (present(elements.trustStoreType)) {
                builder.trustStoreType(elements.trustStoreType.trim());
            }
            for (Path revocationList : elements.revocationSource().files()) {
                builder.revocationList(revocationList);
            }
            builder.revocationSoftFail(elements.revocationSoftFail);
            for (String pin : pins) {
                builder.pins(pin);
            }
            builder.hostnameVerification(hostnameVerification);
            if (present(elements.protocols)) {
                builder.protocols(elements.protocols.split("[,\\s]+"));
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
        settings.revocationSource().warnings().forEach(listener::warning);
        contexts.revocationList().warnings().forEach(listener::warning);
        return new TlsTransportFactory(contexts::current, settings, connectTimeoutMs, handshakeTimeoutMs, probeMs);
    }

    /** Told when the TLS material is reloaded or a reload fails. */
    interface ContextListener {
        void reloaded(String what);

        void reloadFailed(String problem);

        void warning(String warning);
    }
}
