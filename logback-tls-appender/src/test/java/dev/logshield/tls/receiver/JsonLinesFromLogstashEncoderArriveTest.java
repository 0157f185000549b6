package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * JSON lines as users ship them to Logstash or Vector ({@code MtlsAppender} with {@code <framing>newline} and
 * logstash-logback-encoder's {@code LogstashEncoder}), received with framing and format left at {@code auto}: the
 * message, level, logger, thread, time, MDC and custom fields arrive, the stack trace as MDC {@code stack_trace},
 * and a multi-line message stays one event.
 */
class JsonLinesFromLogstashEncoderArriveTest {

    private static final String NAME = "JsonLinesFromLogstashEncoderArriveTest";

    @Test
    void jsonFieldsArrive() {
        TestPki pki = SharedPki.get();
        LoggerContext receiverContext = ReceiverContexts.configure(NAME, pki, Map.of());
        MtlsReceiver receiver = ReceiverContexts.startedReceiver(receiverContext);
        LoggerContext client = XmlConfiguredContext.configure("receiver/" + NAME + "-client", Map.of(
                "destination", "127.0.0.1:" + receiver.localPort(),
                "clientCert", pki.client("client1").chain().toString(),
                "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
        Instant before = Instant.now();
        try {
            MDC.put("requestId", "r-42");
            client.getLogger("com.example.shop.Orders").warn("first line\nsecond line");
            MDC.clear();
            client.getLogger("com.example.shop.Payments").error("payment failed",
                    new IllegalStateException("card declined"));

            List<ILoggingEvent> events = ReceiverContexts.received(receiverContext).await(2, Duration.ofSeconds(10));
            ILoggingEvent warn = events.get(0);
            assertThat(warn.getLevel()).isEqualTo(Level.WARN);
            assertThat(warn.getLoggerName()).isEqualTo("com.example.shop.Orders");
            assertThat(warn.getFormattedMessage()).isEqualTo("first line\nsecond line");
            assertThat(warn.getThreadName()).isEqualTo(Thread.currentThread().getName());
            assertThat(warn.getInstant()).isBetween(before.minusSeconds(1), Instant.now());
            assertThat(warn.getMDCPropertyMap()).containsEntry("requestId", "r-42").containsEntry("service", "shop")
                    .containsEntry("client.cn", "client1.test");
            ILoggingEvent error = events.get(1);
            assertThat(error.getLevel()).isEqualTo(Level.ERROR);
            assertThat(error.getMDCPropertyMap().get("stack_trace"))
                    .startsWith("java.lang.IllegalStateException: card declined\n\tat ");
            assertThat(events).hasSize(2);
            assertThat(XmlConfiguredContext.errors(receiverContext)).isEmpty();
        } finally {
            MDC.clear();
            client.stop();
            receiverContext.stop();
        }
    }
}
