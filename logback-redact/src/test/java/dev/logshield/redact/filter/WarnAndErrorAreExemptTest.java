package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** By default WARN and ERROR are never limited, even when the key's bucket is empty; exemptLevel OFF limits all. */
class WarnAndErrorAreExemptTest {

    @Test
    void warningsAndErrorsPassByDefault() {
        try (RateLimitHarness logback = RateLimitHarness.configure("WarnAndErrorAreExemptTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(new FakeClock());
            floodAtEveryLevel(logback.logger("app"));

            assertThat(countsByLevel(logback)).isEqualTo(Map.of("INFO", 2L, "WARN", 10L, "ERROR", 10L));
            assertThat(limiter.suppressed("app")).isEqualTo(8);
        }
    }

    @Test
    void exemptLevelOffLimitsEveryLevel() {
        try (RateLimitHarness logback = RateLimitHarness.configure("WarnAndErrorAreExemptTest-off")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(new FakeClock());
            floodAtEveryLevel(logback.logger("app"));

            assertThat(countsByLevel(logback)).isEqualTo(Map.of("INFO", 2L));
            assertThat(limiter.suppressed("app")).isEqualTo(28);
        }
    }

    private static void floodAtEveryLevel(Logger app) {
        for (int i = 0; i < 10; i++) {
            app.info("info {}", i);
        }
        for (int i = 0; i < 10; i++) {
            app.warn("warn {}", i);
        }
        for (int i = 0; i < 10; i++) {
            app.error("error {}", i, new IllegalStateException("boom"));
        }
    }

    private static Map<String, Long> countsByLevel(RateLimitHarness logback) {
        return logback.events().stream().filter(e -> e.getLoggerName().equals("app"))
                .collect(Collectors.groupingBy((ILoggingEvent e) -> e.getLevel().toString(), Collectors.counting()));
    }
}
