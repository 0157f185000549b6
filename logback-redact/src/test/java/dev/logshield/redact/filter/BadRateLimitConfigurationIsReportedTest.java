package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * A misconfigured rate limiter (non-positive or non-numeric rate, zero burst, unknown key mode, unknown level,
 * zero maxKeys) reports what is wrong as a status error and stays stopped: it fails open and limits nothing.
 */
class BadRateLimitConfigurationIsReportedTest {

    @Test
    void eachMistakeIsReportedAndNothingIsLimited() {
        try (RateLimitHarness logback = RateLimitHarness.configure("BadRateLimitConfigurationIsReportedTest")) {
            assertThat(logback.rateLimiters()).hasSize(6).noneMatch(RateLimitTurboFilter::isStarted);

            assertThat(logback.statusMessages(Status.ERROR))
                    .anySatisfy(m -> assertThat(m).contains("<ratePerSecond>").contains("'-5'"))
                    .anySatisfy(m -> assertThat(m).contains("<ratePerSecond>").contains("'lots'"))
                    .anySatisfy(m -> assertThat(m).contains("<burst>").contains("'0'"))
                    .anySatisfy(m -> assertThat(m).contains("<key> must be 'logger' or 'template'").contains("'thread'"))
                    .anySatisfy(m -> assertThat(m).contains("<exemptLevel>").contains("'WARNING'"))
                    .anySatisfy(m -> assertThat(m).contains("<maxKeys>").contains("'0'"))
                    .filteredOn(m -> m.contains("not started")).hasSize(6);

            Logger app = logback.logger("app");
            for (int i = 0; i < 1000; i++) {
                app.info("event {}", i);
            }
            assertThat(logback.messages("app")).hasSize(1000);
            assertThat(logback.rateLimiters()).allSatisfy(r -> assertThat(r.totalSuppressed()).isZero());
        }
    }
}
