package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON-lines path as users configure it for Logstash, Fluent Bit or Vector: {@code <framing>newline</framing>}
 * with logstash-logback-encoder's {@code LogstashEncoder}. Every event arrives as exactly one line holding one valid
 * JSON object (the encoder's own trailing newline does not make an empty line), and a message or a stack trace
 * spanning several lines stays inside its event's line, its line breaks escaped as JSON requires.
 */
class JsonLinesArriveOnePerLineTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void oneJsonObjectPerLine() {
        TestPki pki = SharedPki.get();
        try (TlsTestServer server = TlsTestServer.builder(pki).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "127.0.0.1:" + server.port(), "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
            Logger logger = context.getLogger("com.example.shop.Orders");
            String multiLine = "first line\nsecond line\r\nthird \"quoted\" line\twith a tab, \u00e9 and \u65e5\u672c";
            logger.info("plain event");
            MDC.put("requestId", "r-42\nforged=true");
            try {
                logger.warn(multiLine);
            } finally {
                MDC.clear();
            }
            logger.error("payment failed", new IllegalStateException("card declined\nby the bank"));
            logger.info("last event");
            server.awaitReceived("last event", Duration.ofSeconds(5));
            context.stop();

            String received = server.receivedText();
            assertThat(received).endsWith("}\n").doesNotContain("\n\n").doesNotContain("\r");
            List<JsonNode> events = new ArrayList<>();
            for (String line : received.substring(0, received.length() - 1).split("\n", -1)) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.isObject()).as(line).isTrue();
                events.add(event);
            }
            assertThat(events).hasSize(4);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("service").asString()).isEqualTo("shop");
                assertThat(e.get("logger_name").asString()).isEqualTo("com.example.shop.Orders");
            });
            assertThat(events.get(0).get("message").asString()).isEqualTo("plain event");
            assertThat(events.get(1).get("message").asString()).isEqualTo(multiLine);
            assertThat(events.get(1).get("level").asString()).isEqualTo("WARN");
            assertThat(events.get(1).get("requestId").asString()).isEqualTo("r-42\nforged=true");
            assertThat(events.get(2).get("stack_trace").asString())
                    .startsWith("java.lang.IllegalStateException: card declined\nby the bank\n\tat ");
            assertThat(events.get(3).get("message").asString()).isEqualTo("last event");
            assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        }
    }
}
