package dev.logshield.redact.filter;

import ch.qos.logback.classic.Logger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Logs one WARN event per finished flood through the summary logger, for example
 * {@code Rate limit: suppressed 1234 events from logger com.acme.Foo between 10:00:01.123 and 10:00:05.456},
 * with key-values {@code suppressed} and {@code key}. The key is passed as an argument, never as part of the
 * pattern, so a template key containing {@code {}} prints as it is.
 *
 * <p>The filter never limits its own summary logger, so this event cannot be suppressed or re-enter the bucket.
 */
final class FloodSummaryLogger implements Consumer<FloodSummary> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Logger logger;
    private final RateLimitKeyMode mode;
    private final LongSupplier nanoClock;
    private final LongSupplier wallClock;
    private final ZoneId zone = ZoneId.systemDefault();

    FloodSummaryLogger(Logger logger, RateLimitKeyMode mode, LongSupplier nanoClock, LongSupplier wallClock) {
        this.logger = logger;
        this.mode = mode;
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
    }

    @Override
    public void accept(FloodSummary summary) {
        long nowNanos = nanoClock.getAsLong();
        long nowMillis = wallClock.getAsLong();
        logger.atWarn()
                .addKeyValue("suppressed", summary.suppressed())
                .addKeyValue("key", summary.key())
                .log("Rate limit: suppressed {} events from {} between {} and {}", summary.suppressed(),
                        mode.describe(summary.key()), wallTime(summary.firstNanos(), nowNanos, nowMillis),
                        wallTime(summary.lastNanos(), nowNanos, nowMillis));
    }

    /** The wall-clock time of a monotonic instant, converted at the time of reporting. */
    private String wallTime(long nanos, long nowNanos, long nowMillis) {
        long millis = nowMillis - Math.floorDiv(nowNanos - nanos, 1_000_000L);
        return TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
    }
}
