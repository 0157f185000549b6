package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.logshield.redact.testing.QuietestRound;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;

/**
 * An event in which nothing matched goes through {@link RedactingAppender} to its appenders without a byte
 * allocated for redaction: message, placeholder arguments, an MDC like real requests carry (trace and span ids, a
 * user id) and string key-value pairs are read in place, and the appenders get the original event.
 */
class CleanEventsCostNoAllocationTest {

    @TempDir
    Path dir;

    @Test
    void cleanEventsAreRedactedAndHandedOnWithoutAllocating() {
        try (LogbackHarness logback = LogbackHarness.configure("CleanEventsCostNoAllocationTest", dir)) {
            Logger logger = logback.context.getLogger("com.acme.orders.OrderService");
            LoggingEvent[] events = new LoggingEvent[2];
            MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            MDC.put("spanId", "00f067aa0ba902b7");
            MDC.put("userId", "u-1842");
            try {
                events[0] = event(logger, "order {} shipped to warehouse {} at {}", 42, "B", "10:32");
                events[1] = event(logger, "payment accepted for order {} after {} ms", 43, 125);
                events[1].setKeyValuePairs(new java.util.ArrayList<>(java.util.List.of(new KeyValuePair("region", "eu-west-1"))));
            } finally {
                MDC.clear();
            }
            RedactingAppender redacting = (RedactingAppender) logger.getLoggerContext().getLogger("ROOT").getAppender("REDACTED");
            CountingAppender counting = (CountingAppender) redacting.getAppender("COUNT");
            Runnable round = () -> {
                for (int i = 0; i < 500; i++) {
                    redacting.doAppend(events[i & 1]); // alternating, so no answer comes from the per-thread memo
                }
            };
            for (int warm = 0; warm < 100; warm++) {
                round.run();
            }
            assertThat(QuietestRound.bytes(20, round)).as("bytes allocated in the quietest round").isZero();
            assertThat(counting.last).isIn((Object[]) events); // clean events are handed on as themselves
        }
    }

    private static LoggingEvent event(Logger logger, String template, Object... args) {
        LoggingEvent e = new LoggingEvent(Logger.FQCN, logger, Level.INFO, template, null, args);
        e.prepareForDeferredProcessing(); // as an appender would: message formatted, MDC and thread name captured
        return e;
    }
}
