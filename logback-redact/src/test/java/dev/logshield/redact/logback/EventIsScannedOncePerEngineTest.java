package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * Three redacting appenders configured alike (and a redacting encoder behind one of them) share the context's
 * engine: each event is scanned once, however many of them print it.
 */
class EventIsScannedOncePerEngineTest {

    @TempDir
    Path dir;

    @Test
    void threeAppendersOneScanPerEvent() {
        try (LogbackHarness logback = LogbackHarness.configure("EventIsScannedOncePerEngineTest", dir)) {
            SharedRedactionEngine engine = RedactionEngineRegistry.defaultEngine(logback.context);
            long before = engine.viewsComputed();
            MDC.put("user", "u-42");
            try {
                for (int i = 0; i < 10; i++) {
                    logback.logger("x").info("order {} for jane.doe@example.com", i);
                    logback.logger("x").info("clean line {}", i);
                }
            } finally {
                MDC.clear();
            }
            assertThat(engine.viewsComputed() - before).isEqualTo(20);
            for (String file : new String[] {"a.log", "b.log", "c.log"}) {
                assertThat(logback.written(file)).contains("order 9 for [REDACTED:email]").doesNotContain("jane.doe");
            }
        }
    }
}
