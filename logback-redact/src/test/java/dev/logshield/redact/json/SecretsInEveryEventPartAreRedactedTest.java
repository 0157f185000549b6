package dev.logshield.redact.json;

import static net.logstash.logback.argument.StructuredArguments.entries;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.v;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every part of an event that can carry application data is redacted in the JSON: the message, plain and
 * structured arguments, SLF4J fluent key-values, MDC, markers (logstash and plain), the exception message and
 * stack trace, and POJO fields. Secrets are checked absent from the raw bytes as well as from the parsed JSON.
 */
class SecretsInEveryEventPartAreRedactedTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String EMAIL = "jane.doe@example.com";

    @TempDir
    Path dir;
    private JsonLogback logback;
    private Logger log;

    @BeforeEach
    void configure() {
        logback = JsonLogback.configure("SecretsInEveryEventPartAreRedactedTest", dir);
        log = logback.logger("com.acme.Payments");
    }

    @AfterEach
    void stop() {
        MDC.clear();
        logback.close();
    }

    private JsonNode onlyEvent() {
        String raw = logback.written("out.log");
        assertThat(raw).doesNotContain(EMAIL).doesNotContain("hunter2").doesNotContain("4111 1111").doesNotContain("4111111111111111")
                .doesNotContain("abc123");
        assertThat(logback.errors()).isEmpty();
        return logback.event("out.log");
    }

    @Test
    void messageAndPlainArgumentsAreRedacted() {
        log.info("charging {} for {}", CARD, EMAIL);
        JsonNode e = onlyEvent();
        assertThat(e.get("message").stringValue()).isEqualTo("charging [REDACTED:credit-card] for [REDACTED:email]");
        assertThat(e.get("arg0").stringValue()).isEqualTo("[REDACTED:credit-card]");
        assertThat(e.get("arg1").stringValue()).isEqualTo("[REDACTED:email]");
    }

    @Test
    void structuredArgumentsAreRedactedAndSensitiveOnesMaskedWhole() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("apiKey", "abc123");
        entries.put("plan", "gold");
        log.info("login {} {} {}", kv("password", "hunter2"), v("contact", EMAIL), entries(entries));
        JsonNode e = onlyEvent();
        assertThat(e.get("message").stringValue())
                .isEqualTo("login password=[REDACTED:secret] [REDACTED:email] {apiKey=[REDACTED:secret], plan=gold}");
        assertThat(e.get("password").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("contact").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("apiKey").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("plan").stringValue()).isEqualTo("gold");
    }

    @Test
    void logstashMarkersAreRedacted() {
        log.info(Markers.append("apiKey", "abc123").and(Markers.append("owner", EMAIL)), "marked");
        JsonNode e = onlyEvent();
        assertThat(e.get("apiKey").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("owner").stringValue()).isEqualTo("[REDACTED:email]");
    }

    @Test
    void plainMarkerNamesAreRedacted() {
        log.info(MarkerFactory.getMarker("owner " + EMAIL), "marked");
        JsonNode e = onlyEvent();
        assertThat(e.get("tags").get(0).stringValue()).isEqualTo("owner [REDACTED:email]");
    }

    @Test
    void fluentKeyValuesAreRedacted() {
        log.atInfo().setMessage("profile").addKeyValue("contact", EMAIL).addKeyValue("X-Api-Key", "abc123")
                .addKeyValue("plan", "gold").log();
        JsonNode e = onlyEvent();
        assertThat(e.get("contact").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("X-Api-Key").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("plan").stringValue()).isEqualTo("gold");
    }

    @Test
    void mdcValuesAreRedactedAndSensitiveKeysMaskedWhole() {
        MDC.put("user", EMAIL);
        MDC.put("dbPassword", "hunter2");
        log.info("hello");
        JsonNode e = onlyEvent();
        assertThat(e.get("user").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("dbPassword").stringValue()).isEqualTo("[REDACTED:secret]");
    }

    @Test
    void exceptionMessageAndStackTraceAreRedacted() {
        log.error("failed", new IllegalStateException("login failed for " + EMAIL + " with password=hunter2",
                new RuntimeException("card " + CARD)));
        JsonNode e = onlyEvent();
        assertThat(e.get("stack_trace").stringValue())
                .contains("java.lang.IllegalStateException: login failed for [REDACTED:email] with password=[REDACTED:secret]")
                .contains("card [REDACTED:credit-card]")
                .contains("\tat dev.logshield.redact.json.SecretsInEveryEventPartAreRedactedTest");
    }

    @Test
    void pojoFieldsAreRedactedAndSensitiveOnesMaskedWhole() {
        log.info("customer {}", kv("customer", new Customer()), new Customer());
        JsonNode e = onlyEvent();
        for (JsonNode c : new JsonNode[] {e.get("customer"), e.get("arg1")}) {
            assertThat(c.get("name").stringValue()).isEqualTo("Jane");
            assertThat(c.get("email").stringValue()).isEqualTo("[REDACTED:email]");
            assertThat(c.get("password").stringValue()).isEqualTo("[REDACTED:secret]");
            assertThat(c.get("cardNumber").stringValue()).as("a card number held in a long").isEqualTo("[REDACTED:credit-card]");
        }
    }

    @Test
    void pojoFieldsAppendedAtTheTopLevelAreRedacted() {
        log.info(Markers.appendFields(new Customer()), "fields");
        JsonNode e = onlyEvent();
        assertThat(e.get("name").stringValue()).isEqualTo("Jane");
        assertThat(e.get("email").stringValue()).isEqualTo("[REDACTED:email]");
        assertThat(e.get("password").stringValue()).isEqualTo("[REDACTED:secret]");
        assertThat(e.get("cardNumber").stringValue()).isEqualTo("[REDACTED:credit-card]");
    }
}
