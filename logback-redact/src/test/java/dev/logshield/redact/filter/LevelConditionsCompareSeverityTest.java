package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * {@code level<X}, {@code <=}, {@code >}, {@code >=}, {@code =} and {@code !=} compare severities
 * (TRACE &lt; DEBUG &lt; INFO &lt; WARN &lt; ERROR), level names in any case, and the {@code isXxxEnabled()}
 * checks give the same answer as logging.
 */
class LevelConditionsCompareSeverityTest {

    @TempDir
    Path dir;

    private static void logAllLevels(Logger log) {
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
    }

    @Test
    void everyComparisonSelectsTheRightLevels() {
        try (LogbackHarness logback = LogbackHarness.configure("LevelConditionsCompareSeverityTest", dir)) {
            for (String name : List.of("lt", "le", "gt", "ge", "eq", "ne")) {
                logAllLevels(logback.logger(name));
            }

            assertThat(logback.lines("out.log")).containsExactly(
                    "WARN lt w", "ERROR lt e",                                  // denied below WARN
                    "ERROR le e",                                               // denied up to WARN
                    "TRACE gt t", "DEBUG gt d", "INFO gt i", "WARN gt w",       // denied above WARN
                    "TRACE ge t", "DEBUG ge d", "INFO ge i",                    // denied from WARN
                    "TRACE eq t", "DEBUG eq d", "INFO eq i", "ERROR eq e",      // denied at WARN
                    "WARN ne w");                                               // denied but at WARN
            assertThat(logback.logger("lt").isDebugEnabled()).isFalse();
            assertThat(logback.logger("lt").isWarnEnabled()).isTrue();
        }
    }
}
