package dev.logshield.redact.filter;

import ch.qos.logback.classic.Level;
import java.util.function.Consumer;

/**
 * The validated configuration of a {@link RateLimitTurboFilter}, parsed from the text of its logback.xml elements.
 * The filter takes its settings as text, not as numbers, so that a typo is an error that keeps it stopped rather
 * than a Joran warning that leaves it running on defaults.
 */
record RateLimitSettings(RateLimitKeyMode mode, double ratePerSecond, long intervalNanos, long burst, Level exemptLevel,
                         int maxKeys, String summaryLogger) {

    static final double DEFAULT_RATE_PER_SECOND = 100;
    static final Level DEFAULT_EXEMPT_LEVEL = Level.WARN;
    static final int DEFAULT_MAX_KEYS = 10_000;
    static final String DEFAULT_SUMMARY_LOGGER = "dev.logshield.ratelimit";
    /** Tokens are counted in whole nanoseconds. */
    static final double MAX_RATE_PER_SECOND = 1e9;
    /** About 73 years: a bucket refilling slower than that is a mistake, and this keeps the clock arithmetic safe. */
    private static final long MAX_REFILL_NANOS = Long.MAX_VALUE / 4;

    /**
     * The settings, or null after reporting every problem to {@code errors}. Null arguments mean "not configured"
     * and take the default.
     */
    static RateLimitSettings parse(String key, String ratePerSecond, String burst, String exemptLevel, String maxKeys,
                                   String summaryLogger, Consumer<String> errors) {
        boolean ok = true;

        RateLimitKeyMode mode = key == null ? RateLimitKeyMode.LOGGER : RateLimitKeyMode.parse(key);
        if (mode == null) {
            errors.accept("<key> must be 'logger' or 'template', was '" + key + "'");
            ok = false;
        }

        double rate = DEFAULT_RATE_PER_SECOND;
        if (ratePerSecond != null) {
            rate = parseDouble(ratePerSecond);
        }
        boolean rateOk = rate > 0 && rate <= MAX_RATE_PER_SECOND;
        if (!rateOk) {
            errors.accept("<ratePerSecond> must be a number above 0 and at most 1000000000 (events per second; "
                    + "fractions such as 0.5 are allowed), was '" + ratePerSecond + "'");
            ok = false;
        }
        long interval = rateOk ? Math.max(1, Math.round(1e9 / rate)) : 1;

        long size = rateOk ? Math.max(1, (long) Math.ceil(2 * rate)) : 1;
        if (burst != null) {
            size = parseLong(burst);
            if (size < 1) {
                errors.accept("<burst> must be a whole number of events, at least 1, was '" + burst + "'");
                ok = false;
            }
        }
        if (rateOk && size >= 1 && size > MAX_REFILL_NANOS / interval) {
            errors.accept("<burst> " + size + " at <ratePerSecond> " + rate + " takes over 70 years to refill; "
                    + "lower the burst or raise the rate");
            ok = false;
        }

        Level exempt = DEFAULT_EXEMPT_LEVEL;
        if (exemptLevel != null) {
            exempt = Level.toLevel(exemptLevel.trim(), null);
            if (exempt == null) {
                errors.accept("<exemptLevel> must be TRACE, DEBUG, INFO, WARN, ERROR or OFF (OFF limits every level), "
                        + "was '" + exemptLevel + "'");
                ok = false;
            }
        }

        int keys = DEFAULT_MAX_KEYS;
        if (maxKeys != null) {
            long parsed = parseLong(maxKeys);
            if (parsed < 1 || parsed > Integer.MAX_VALUE) {
                errors.accept("<maxKeys> must be a whole number of at least 1, was '" + maxKeys + "'");
                ok = false;
            } else {
                keys = (int) parsed;
            }
        }

        String summary = DEFAULT_SUMMARY_LOGGER;
        if (summaryLogger != null) {
            summary = summaryLogger.trim();
            if (summary.isEmpty()) {
                errors.accept("<summaryLogger> must name a logger, was empty");
                ok = false;
            }
        }

        return ok ? new RateLimitSettings(mode, rate, interval, size, exempt, keys, summary) : null;
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
