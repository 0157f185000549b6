package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * {@link RedactingAppender} hands every appender inside it, Logback's plain ones, an {@code AsyncAppender} and a
 * converter it has never heard of, only the redacted view; an appender that throws is contained and counted; an
 * appender outside it still sees the original event.
 */
class RedactingAppenderFeedsAnyAppenderTest {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111111111111111";

    @TempDir
    Path dir;
    private LogbackHarness logback;
    private Logger log;

    @BeforeEach
    void configure() {
        logback = LogbackHarness.configure("RedactingAppenderFeedsAnyAppenderTest", dir);
        log = logback.logger("shop");
    }

    @AfterEach
    void close() {
        MDC.clear();
        logback.close();
    }

    @Test
    void everyPartReachesPlainAppendersRedacted() {
        MDC.put("password", "hunter2");
        MDC.put("note", "mail " + EMAIL);
        MDC.put("pin", "1234");
        IllegalStateException failure = new IllegalStateException("charging " + CARD + " failed",
                new SQLException("jdbc:postgresql://app:S3cr3tPassw0rd@db:5432/orders"));
        failure.addSuppressed(new RuntimeException("close failed for " + EMAIL));
        log.atError().addMarker(MarkerFactory.getMarker("audit")).addKeyValue("token", "tok-1234567890abcdef")
                .addKeyValue("note", "mail " + EMAIL).setCause(failure).log("order {} for {}", 42, EMAIL);
        logback.context.stop(); // drains the AsyncAppender

        for (String file : new String[] {"plain.log", "async.log"}) {
            String out = logback.written(file);
            assertThat(out).as(file).doesNotContain(EMAIL).doesNotContain(CARD).doesNotContain("hunter2")
                    .doesNotContain("S3cr3tPassw0rd").doesNotContain("tok-1234567890abcdef").doesNotContain("pin=1234")
                    .contains("order 42 for [REDACTED:email]").contains("note=mail [REDACTED:email]")
                    .contains("charging [REDACTED:credit-card] failed").contains("at dev.logshield.redact.logback");
        }
        assertThat(logback.written("plain.log"))
                .contains("RedactedException:charging [REDACTED:credit-card] failed/java.sql.SQLException: jdbc:postgresql://app:")
                .contains("|audit|");
        assertThat(logback.written("original.log")).contains("order 42 for " + EMAIL);
    }

    @Test
    void anAppenderThatThrowsIsContainedAndCounted() {
        log.info("first");
        log.info("second");
        RedactingAppender redacting = (RedactingAppender) logback.context.getLogger("ROOT").getAppender("REDACTED");
        assertThat(redacting.getFailedAppends()).isEqualTo(2);
        assertThat(logback.lines("plain.log")).hasSize(2);
        assertThat(logback.statusMessages(Status.ERROR)).filteredOn(m -> m.contains("[EXPLODING] failed"))
                .hasSize(1); // reported at most every ten seconds
    }
}
