package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The appender wraps whatever encoder it is given and changes nothing of its output: what decrypts is byte for byte
 * what the same encoder writes to a clear-text reference file in the same context, for LogShield's redacting text
 * and JSON encoders (secrets redacted before encryption, by the encoder alone: no double redaction) and for
 * logstash-logback-encoder (valid JSON lines of the event's redacted view, which the appender hands to any other
 * encoder; its reference file sits behind a {@code RedactingAppender} with the same default settings).
 */
class OtherEncodersOutputIsCarriedUnchangedTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String EMAIL = "jane.doe@example.com";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final TestIdentity reader = TestIdentity.generate();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void redactingPatternLayoutEncoder() throws Exception {
        String text = logThroughBoth("redactingPattern");

        assertThat(text).doesNotContain(CARD).doesNotContain(EMAIL)
                .contains("INFO  com.acme.Payments - charging [REDACTED:credit-card] for [REDACTED:email] user=[REDACTED:email]")
                .contains("java.lang.IllegalStateException: login failed for [REDACTED:email]");
    }

    @Test
    void redactingJsonEncoder() throws Exception {
        String text = logThroughBoth("redactingJson");

        assertThat(text).doesNotContain(CARD).doesNotContain(EMAIL);
        List<JsonNode> events = jsonLines(text);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("message").stringValue()).isEqualTo("charging [REDACTED:credit-card] for [REDACTED:email]");
        assertThat(events.get(0).get("user").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(events.get(1).get("stack_trace").stringValue()).contains("login failed for [REDACTED:email]");
    }

    @Test
    void logstashEncoder() throws Exception {
        String text = logThroughBoth("logstash");

        List<JsonNode> events = jsonLines(text);
        assertThat(events).hasSize(2);
        assertThat(text).doesNotContain(CARD).doesNotContain(EMAIL);
        assertThat(events.get(0).get("message").stringValue()).isEqualTo("charging [REDACTED:credit-card] for [REDACTED:email]");
        assertThat(events.get(0).get("user").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(events.get(0).get("logger_name").stringValue()).isEqualTo("com.acme.Payments");
        assertThat(events.get(1).get("level").stringValue()).isEqualTo("ERROR");
    }

    /** Logs the same events through the clear reference and the encrypted appender; returns the decrypted text. */
    private String logThroughBoth(String encoder) throws Exception {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName() + "-" + encoder,
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        Logger log = context.getLogger("com.acme.Payments");
        MDC.put("user", EMAIL);
        log.info("charging {} for {}", CARD, EMAIL);
        MDC.clear();
        log.error("failed", new IllegalStateException("login failed for " + EMAIL));
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();

        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        String reference = Files.readString(dir.resolve("reference.log"), StandardCharsets.UTF_8);
        assertThat(decrypted.text()).isNotEmpty().isEqualTo(reference);
        return decrypted.text();
    }

    private static List<JsonNode> jsonLines(String text) {
        assertThat(text).endsWith("\n");
        return text.lines().map(JSON::readTree).toList();
    }
}
