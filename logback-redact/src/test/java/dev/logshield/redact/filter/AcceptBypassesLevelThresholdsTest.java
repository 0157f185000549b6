package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * {@code accept} logs the events it matches even below the logger's level (root is WARN here), while events it
 * does not match keep the usual threshold.
 */
class AcceptBypassesLevelThresholdsTest {

    @TempDir
    Path dir;

    @Test
    void acceptedEventsIgnoreTheLoggerLevel() {
        try (LogbackHarness logback = LogbackHarness.configure("AcceptBypassesLevelThresholdsTest", dir)) {
            Logger security = logback.logger("com.acme.security.Auth");
            security.debug("accepted below WARN");
            security.trace("not matched: below WARN");
            logback.logger("com.acme.Other").debug("not matched: below WARN");
            logback.logger("com.acme.Other").warn("not matched: at WARN");

            assertThat(logback.lines("out.log")).containsExactly(
                    "DEBUG com.acme.security.Auth accepted below WARN",
                    "WARN com.acme.Other not matched: at WARN");
            assertThat(security.isDebugEnabled()).isTrue();
            assertThat(security.isTraceEnabled()).isFalse();
        }
    }
}
