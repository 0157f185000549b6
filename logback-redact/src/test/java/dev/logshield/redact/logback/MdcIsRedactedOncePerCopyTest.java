package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * Logback hands every event of a thread the same read-only copy of the MDC until the MDC changes; the view keeps
 * its answer for that copy, so the events of one request pay for their MDC once, and a change of the MDC is seen by
 * the very next event.
 */
class MdcIsRedactedOncePerCopyTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aChangedMdcIsRedactedAtTheNextEventAndAnUnchangedOneIsScannedOnce() {
        try (LogbackHarness logback = LogbackHarness.configure("EventIsScannedOncePerEngineTest", dir)) {
            SharedRedactionEngine engine = RedactionEngineRegistry.defaultEngine(logback.context);
            long emailsBefore = engine.redactor().rules().stream().filter(r -> r.name().equals("email"))
                    .findFirst().orElseThrow().hits();
            MDC.put("note", "clean");
            logback.logger("x").info("first");
            MDC.put("note", "mail jane.doe@example.com");
            for (int i = 0; i < 5; i++) {
                logback.logger("x").info("same request {}", i);
            }
            MDC.put("note", "mail john.roe@example.com");
            logback.logger("x").info("last");
            String b = logback.written("b.log");
            assertThat(b).contains("first note=clean", "same request 4 note=mail [REDACTED:email]",
                    "last note=mail [REDACTED:email]").doesNotContain("jane.doe", "john.roe");
            long emails = engine.redactor().rules().stream().filter(r -> r.name().equals("email"))
                    .findFirst().orElseThrow().hits() - emailsBefore;
            assertThat(emails).as("each MDC copy scanned once").isEqualTo(2);
        }
    }
}
