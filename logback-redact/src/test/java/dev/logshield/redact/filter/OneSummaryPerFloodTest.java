package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.KeyValuePair;

/**
 * When a flood is over (a second without suppressed events), exactly one WARN summary says how many events were
 * suppressed, from which key, between which times: logged just before the key's next allowed event, or by the
 * periodic check if the key went quiet. A sustained flood gives no summary until it ends. Summaries are never
 * limited themselves, even with every level limited.
 */
class OneSummaryPerFloodTest {

    @Test
    void floodIsSummarisedOnceBeforeTheNextAllowedEvent() {
        FakeClock clock = new FakeClock();
        try (RateLimitHarness logback = RateLimitHarness.configure("OneSummaryPerFloodTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(clock);
            Logger app = logback.logger("com.acme.Foo");

            log(app, 10);                      // 5 allowed, 5 suppressed at 10:00:00.000
            clock.advanceMillis(250);
            log(app, 10);                      // 10 suppressed by 10:00:00.250
            assertThat(logback.summaries()).isEmpty();

            clock.advanceMillis(2000);
            app.info("back to normal");
            limiter.summarizeQuietKeys();
            clock.advanceMillis(5000);
            app.info("still normal");
            limiter.summarizeQuietKeys();

            List<ILoggingEvent> summaries = logback.summaries();
            assertThat(summaries).hasSize(1);
            ILoggingEvent summary = summaries.get(0);
            assertThat(summary.getLevel()).isEqualTo(Level.WARN);
            assertThat(summary.getFormattedMessage()).isEqualTo(
                    "Rate limit: suppressed 15 events from logger com.acme.Foo between 10:00:00.000 and 10:00:00.250");
            assertThat(keyValues(summary)).isEqualTo(Map.of("suppressed", 15L, "key", "com.acme.Foo"));

            List<String> order = logback.events().stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.startsWith("Rate limit") || m.endsWith("normal")).collect(Collectors.toList());
            assertThat(order).as("the summary comes before the event that ended the flood").containsExactly(
                    summary.getFormattedMessage(), "back to normal", "still normal");
        }
    }

    @Test
    void sustainedFloodIsSummarisedOnceAfterItEnds() {
        FakeClock clock = new FakeClock();
        try (RateLimitHarness logback = RateLimitHarness.configure("OneSummaryPerFloodTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(clock);
            Logger busy = logback.logger("busy");

            // ten events a second for ten seconds at a rate of one a second: allowed and suppressed alternate
            for (int i = 0; i < 100; i++) {
                busy.info("tick {}", i);
                limiter.summarizeQuietKeys();
                clock.advanceMillis(100);
            }
            assertThat(logback.summaries()).as("no summary while the flood goes on").isEmpty();
            assertThat(logback.messages("busy")).as("the burst, then one a second").hasSize(5 + 9);

            clock.advanceMillis(1000);
            limiter.summarizeQuietKeys();
            limiter.summarizeQuietKeys();

            assertThat(logback.summaries()).singleElement().satisfies(s -> {
                assertThat(keyValues(s)).isEqualTo(Map.of("suppressed", 86L, "key", "busy"));
                assertThat(s.getFormattedMessage()).startsWith("Rate limit: suppressed 86 events from logger busy between ");
            });
            assertThat(limiter.suppressed("busy")).isEqualTo(86);
        }
    }

    @Test
    void summariesAreNeverLimited() {
        FakeClock clock = new FakeClock();
        try (RateLimitHarness logback = RateLimitHarness.configure("OneSummaryPerFloodTest")) {
            RateLimitTurboFilter limiter = logback.rateLimiter(clock);
            // more floods ending at once than the summary logger would have tokens for, were it limited (burst 5)
            for (int k = 0; k < 8; k++) {
                log(logback.logger("flood" + k), 6);
            }
            clock.advanceMillis(1500);
            limiter.summarizeQuietKeys();

            assertThat(logback.summaries()).hasSize(8).allSatisfy(s -> assertThat(keyValues(s)).containsEntry("suppressed", 1L));
            assertThat(limiter.suppressed(RateLimitHarness.SUMMARY_LOGGER)).isZero();
        }
    }

    private static void log(Logger logger, int n) {
        for (int i = 0; i < n; i++) {
            logger.info("event {}", i);
        }
    }

    static Map<String, Object> keyValues(ILoggingEvent event) {
        return event.getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, (KeyValuePair kv) -> kv.value));
    }
}
