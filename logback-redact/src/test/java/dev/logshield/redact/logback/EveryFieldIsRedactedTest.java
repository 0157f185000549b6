package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import java.sql.SQLException;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/** Every piece of user data a pattern can print is redacted: message, MDC, key-values, markers, throwables. */
class EveryFieldIsRedactedTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String EMAIL = "jane.doe@example.com";
    private static final String DB_PASSWORD = "S3cr3tPa55";

    @TempDir
    Path dir;
    private LogbackHarness logback;
    private Logger log;

    @BeforeEach
    void configure() {
        logback = LogbackHarness.configure("EveryFieldIsRedactedTest", dir);
        log = logback.logger("com.acme.Payments");
    }

    @AfterEach
    void stop() {
        MDC.clear();
        logback.close();
    }

    @Test
    void messageAndArgumentsAreRedacted() {
        log.info("charging {} for {}", CARD, EMAIL);
        assertThat(logback.written("out.log"))
                .contains("charging [REDACTED:credit-card] for [REDACTED:email]")
                .doesNotContain("4111").doesNotContain(EMAIL);
        assertThat(logback.statusMessages(Status.ERROR)).isEmpty();
    }

    @Test
    void structuredArgumentsRenderedIntoTheMessageAreRedacted() {
        log.info("login {} {}", StructuredArguments.kv("password", "hunter2"), StructuredArguments.v("contact", EMAIL));
        assertThat(logback.written("out.log")).contains("|login password=[REDACTED:secret] [REDACTED:email]")
                .doesNotContain("hunter2").doesNotContain(EMAIL);
    }

    @Test
    void mdcValuesAreRedactedAndSensitiveKeysMaskedWhole() {
        MDC.put("user", EMAIL);
        MDC.put("dbPassword", "hunter2");
        log.info("hello");
        String out = logback.written("out.log");
        assertThat(out).contains("|[REDACTED:email]|").contains("dbPassword=[REDACTED:secret]")
                .doesNotContain(EMAIL).doesNotContain("hunter2");
    }

    @Test
    void fluentKeyValuesAreRedacted() {
        log.atInfo().setMessage("profile").addKeyValue("contact", EMAIL).addKeyValue("X-Api-Key", "abc123")
                .addKeyValue("plan", "gold").log();
        assertThat(logback.written("out.log"))
                .contains("contact=\"[REDACTED:email]\" X-Api-Key=\"[REDACTED:secret]\" plan=\"gold\"")
                .doesNotContain("abc123");
    }

    @Test
    void markerNamesAreRedacted() {
        log.info(MarkerFactory.getMarker("owner " + EMAIL), "marked");
        assertThat(logback.written("out.log")).contains("|owner [REDACTED:email]|marked").doesNotContain(EMAIL);
    }

    @Test
    void exceptionMessagesCausesAndSuppressedAreRedacted() {
        IllegalStateException failure = new IllegalStateException("pool exhausted for " + EMAIL,
                new SQLException("Connection refused: jdbc:postgresql://app:" + DB_PASSWORD + "@db:5432/orders"));
        failure.addSuppressed(new RuntimeException("card " + CARD + " declined"));
        log.error("payment failed", failure);
        for (String file : new String[] {"out.log", "implicit-ex.log", "xex.log"}) {
            String out = logback.written(file);
            assertThat(out).as(file)
                    .contains("java.lang.IllegalStateException: pool exhausted for [REDACTED:email]")
                    .contains("jdbc:postgresql://app:[REDACTED:url-credentials]@db:5432/orders")
                    .contains("card [REDACTED:credit-card] declined")
                    .contains("\tat dev.logshield.redact.logback.EveryFieldIsRedactedTest")
                    .doesNotContain(EMAIL).doesNotContain(DB_PASSWORD).doesNotContain("4111");
        }
    }

    @Test
    void cleanTextIsPrintedUnchanged() {
        MDC.put("user", "alice");
        log.info("order 42 shipped to warehouse B at 10:32");
        assertThat(logback.lines("out.log")).containsExactly("INFO|com.acme.Payments|user=alice|alice|||order 42 shipped to warehouse B at 10:32");
    }
}
