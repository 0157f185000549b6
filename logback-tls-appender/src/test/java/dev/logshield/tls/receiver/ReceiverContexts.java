package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Receiver contexts configured from {@code logback/receiver/<name>.xml} the way users configure theirs, with the
 * properties {@code serverCert}, {@code serverKey}, {@code caCert} (the test PKI's) and any others given.
 */
final class ReceiverContexts {

    private ReceiverContexts() {
    }

    /** Configures the context. */
    static LoggerContext configure(String name, TestPki pki, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(more);
        properties.putIfAbsent("serverCert", pki.server().chain().toString());
        properties.putIfAbsent("serverKey", pki.server().key().toString());
        properties.putIfAbsent("caCert", pki.caCert().toString());
        properties.putIfAbsent("registry", "none");
        return XmlConfiguredContext.configure("receiver/" + name, name + "-receiver", properties);
    }

    /** The started receiver of {@code context}. */
    static MtlsReceiver startedReceiver(LoggerContext context) {
        MtlsReceiver receiver = receiver(context);
        assertThat(receiver.isStarted()).as("receiver started; errors: %s", XmlConfiguredContext.errors(context)).isTrue();
        return receiver;
    }

    /** The receiver of {@code context}, started or not. */
    static MtlsReceiver receiver(LoggerContext context) {
        for (LoggerContextListener listener : context.getCopyOfListenerList()) {
            if (listener instanceof MtlsReceiver) {
                return (MtlsReceiver) listener;
            }
        }
        throw new AssertionError("no MtlsReceiver among the context listeners; errors: " + XmlConfiguredContext.errors(context));
    }

    /** The {@link ReceivedEvents} appender named {@code RECEIVED} of the root logger. */
    static ReceivedEvents received(LoggerContext context) {
        return (ReceivedEvents) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("RECEIVED");
    }
}
