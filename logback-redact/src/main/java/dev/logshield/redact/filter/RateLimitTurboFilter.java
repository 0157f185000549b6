package dev.logshield.redact.filter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.logshield.metrics.Meters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Marker;

/**
 * Limits how fast each logger (or each message template) may log, with a token bucket per key, so that one
 * runaway loop cannot flood the logs, the disk or the log shipper. Never blocks: an event either finds a token or
 * is dropped and counted. When a flood is over, one WARN summary says how many events were suppressed from where.
 *
 * <pre>{@code
 * <turboFilter class="dev.logshield.redact.filter.RateLimitTurboFilter">
 *   <key>logger</key>                       <!-- logger (default) | template -->
 *   <ratePerSecond>100</ratePerSecond>      <!-- sustained rate per key, default 100, fractions allowed -->
 *   <burst>200</burst>                      <!-- bucket size, default 2 x rate -->
 *   <exemptLevel>WARN</exemptLevel>         <!-- this level and above are never limited; OFF limits all -->
 *   <maxKeys>10000</maxKeys>                <!-- keys beyond this share one overflow bucket -->
 *   <summaryLogger>dev.logshield.ratelimit</summaryLogger>
 *   <metricsRegistry>global</metricsRegistry>
 * </turboFilter>
 * }</pre>
 *
 * <p>Only events that would be logged spend tokens: events below their logger's effective level, the
 * {@code isDebugEnabled()}-style checks, events at or above {@code exemptLevel} and the summary logger's own
 * events are left alone. An allowed event gets {@code NEUTRAL}, so filters after this one still decide.
 *
 * <p>Fails open, because a rate limiter protects availability, not secrets: a misconfigured filter reports an
 * error and stays stopped (nothing is limited), and an internal failure lets the event through and reports it.
 * Suppressed events are counted in {@code logshield.ratelimit.suppressed}, tagged {@code key} with the logger
 * name in logger mode and the fixed value {@code template} in template mode (templates are unbounded).
 */
public final class RateLimitTurboFilter extends TurboFilter {

    /** Key under which events of keys beyond {@code maxKeys} are limited, counted and summarised. */
    public static final String OVERFLOW_KEY = RateLimiter.OVERFLOW_KEY;

    static final String SUPPRESSED_METER = "logshield.ratelimit.suppressed";
    private static final long QUIET_CHECK_MILLIS = 1000;
    private static final long FAILURE_REPORT_INTERVAL_NANOS = 10_000_000_000L;

    /** Monotonic clock of the buckets; tests replace it. */
    volatile LongSupplier nanoClock = System::nanoTime;
    /** Wall clock for the times printed in summaries; tests replace it. */
    volatile LongSupplier wallClock = System::currentTimeMillis;

    private String key;
    private String ratePerSecond;
    private String burst;
    private String exemptLevel;
    private String maxKeys;
    private String summaryLogger;
    private String metricsRegistry;

    /** Everything the logging path needs, published at once; null while stopped. */
    private volatile Active active;
    /** Kept after stop so that the counts stay readable. */
    private volatile RateLimiter limiter;
    private ScheduledFuture<?> quietCheck;
    private final AtomicLong lastFailureReport = new AtomicLong(System.nanoTime() - FAILURE_REPORT_INTERVAL_NANOS);

    private record Active(RateLimiter limiter, RateLimitKeyMode mode, int exemptLevelInt, Logger summaryLogger) {
    }

    /** {@code logger} (default): one bucket per logger; {@code template}: one per unformatted message pattern. */
    public void setKey(String key) {
        this.key = key;
    }

    /** Sustained events per second per key (default 100); fractions such as {@code 0.5} are allowed. */
    public void setRatePerSecond(String ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    /** Bucket size: events a key may log at once after a quiet spell (default twice the rate, at least 1). */
    public void setBurst(String burst) {
        this.burst = burst;
    }

    /** Events at or above this level are never limited (default WARN); {@code OFF} limits every level. */
    public void setExemptLevel(String exemptLevel) {
        this.exemptLevel = exemptLevel;
    }

    /** Most keys tracked with their own bucket (default 10000); further keys share one overflow bucket. */
    public void setMaxKeys(String maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Logger the flood summaries go to (default {@code dev.logshield.ratelimit}); it is never limited. */
    public void setSummaryLogger(String summaryLogger) {
        this.summaryLogger = summaryLogger;
    }

    /** Micrometer registry name: {@code global} (default), {@code none}, or one registered by the application. */
    public void setMetricsRegistry(String metricsRegistry) {
        this.metricsRegistry = metricsRegistry;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (!(getContext() instanceof LoggerContext loggerContext)) {
            addError("RateLimitTurboFilter needs a Logback classic LoggerContext; it is not started and nothing is "
                    + "rate-limited");
            return;
        }
        List<String> errors = new ArrayList<>();
        RateLimitSettings settings = RateLimitSettings.parse(key, ratePerSecond, burst, exemptLevel, maxKeys,
                summaryLogger, errors::add);
        if (settings == null) {
            errors.forEach(e -> addError("Rate limiter: " + e));
            addError("Rate limiter not started: nothing is rate-limited until its configuration is fixed");
            return;
        }
        if (settings.exemptLevel().levelInt <= Level.TRACE.levelInt) {
            addWarn("Rate limiter: <exemptLevel> " + settings.exemptLevel() + " exempts every event, so nothing is "
                    + "limited; use OFF to limit every level");
        }
        Meters meters = Meters.forRegistry(metricsRegistry, "RateLimitTurboFilter", this::addWarn);
        RateLimitKeyMode mode = settings.mode();
        Logger summary = loggerContext.getLogger(settings.summaryLogger());
        RateLimiter built = new RateLimiter(settings.intervalNanos(), settings.burst(), settings.maxKeys(), this::nanoTime,
                k -> meters.counter(SUPPRESSED_METER, "Log events suppressed by the rate limiter", "key", mode.metricTag(k)),
                new FloodSummaryLogger(summary, mode, this::nanoTime, () -> wallClock.getAsLong()),
                () -> warnOverflow(settings));
        limiter = built;
        active = new Active(built, mode, settings.exemptLevel().levelInt, summary);
        scheduleQuietCheck(loggerContext);
        super.start();
    }

    private void warnOverflow(RateLimitSettings settings) {
        addWarn("Rate limiter: " + settings.maxKeys() + " " + settings.mode().configName() + "s are tracked (<maxKeys>); "
                + "further ones share one overflow bucket, key " + OVERFLOW_KEY
                + (settings.mode() == RateLimitKeyMode.TEMPLATE
                ? ". Messages built by concatenation instead of {} placeholders make every event a template of its own"
                : ""));
    }

    @Override
    public void stop() {
        Active was = active;
        active = null;
        ScheduledFuture<?> check = quietCheck;
        if (check != null) {
            check.cancel(false);
            quietCheck = null;
        }
        if (was != null) {
            long unreported = was.limiter().unreported();
            if (unreported > 0) {
                addInfo("Rate limiter stopped with " + unreported + " suppressed events not yet summarised");
            }
        }
        super.stop();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null && params == null && t == null) {
            // isDebugEnabled() and friends: a question, not an event; answering it must not spend a token
            return FilterReply.NEUTRAL;
        }
        return limit(logger, level, format);
    }

    /** SLF4J 2 fluent-API events ({@code logger.atInfo().log(...)}), routed here by Logback 1.5.21 and later. */
    @Override
    public FilterReply decide(Logger logger, org.slf4j.event.LoggingEvent event) {
        if (active == null) {
            return FilterReply.NEUTRAL;
        }
        try {
            return limit(logger, Level.convertAnSLF4JLevel(event.getLevel()), event.getMessage());
        } catch (Throwable e) {
            return failOpen(e);
        }
    }

    private FilterReply limit(Logger logger, Level level, String format) {
        Active a = active;
        if (a == null) {
            return FilterReply.NEUTRAL;
        }
        try {
            if (level.levelInt >= a.exemptLevelInt() || logger == a.summaryLogger()
                    || logger.getEffectiveLevel().levelInt > level.levelInt) {
                return FilterReply.NEUTRAL;
            }
            return a.limiter().tryAcquire(a.mode().keyOf(logger, format)) ? FilterReply.NEUTRAL : FilterReply.DENY;
        } catch (Throwable e) {
            return failOpen(e);
        }
    }

    /** Events suppressed on {@code key} (a logger name or template; {@link #OVERFLOW_KEY}) since start. */
    public long suppressed(String key) {
        RateLimiter l = limiter;
        return l == null || key == null ? 0 : l.suppressed(key);
    }

    /** Events suppressed on all keys since start. */
    public long totalSuppressed() {
        RateLimiter l = limiter;
        return l == null ? 0 : l.totalSuppressed();
    }

    /** Summarises the floods that are over; runs every second on the context's scheduler. */
    void summarizeQuietKeys() {
        Active a = active;
        if (a == null) {
            return;
        }
        try {
            a.limiter().summarizeQuietKeys();
        } catch (Throwable e) {
            reportFailure("Rate limiter: the check for floods that went quiet failed", e);
        }
    }

    /** Stops the periodic check, so that tests decide when quiet keys are summarised. */
    void stopQuietCheck() {
        ScheduledFuture<?> check = quietCheck;
        if (check != null) {
            check.cancel(false);
        }
    }

    private void scheduleQuietCheck(LoggerContext loggerContext) {
        try {
            quietCheck = loggerContext.getScheduledExecutorService().scheduleAtFixedRate(this::summarizeQuietKeys,
                    QUIET_CHECK_MILLIS, QUIET_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            loggerContext.addScheduledFuture(quietCheck);
        } catch (RuntimeException e) {
            addWarn("Rate limiter: could not schedule the check for floods that went quiet; each flood is summarised "
                    + "at its key's next allowed event only", e);
        }
    }

    private long nanoTime() {
        return nanoClock.getAsLong();
    }

    private FilterReply failOpen(Throwable e) {
        reportFailure("Rate limiter failed; the event was let through (fail open)", e);
        return FilterReply.NEUTRAL;
    }

    /** At most one status error every ten seconds, so that a failure on every event cannot flood the status. */
    private void reportFailure(String message, Throwable e) {
        try {
            long now = System.nanoTime();
            long last = lastFailureReport.get();
            if (now - last >= FAILURE_REPORT_INTERVAL_NANOS && lastFailureReport.compareAndSet(last, now)) {
                addError(message + "; reported at most every 10 s", e);
            }
        } catch (Throwable ignored) {
            // reporting must not throw into the application either
        }
    }
}
