package dev.logshield.redact.filter;

import ch.qos.logback.classic.Logger;
import java.util.Locale;

/** What a {@link RateLimitTurboFilter} keeps one bucket for. */
enum RateLimitKeyMode {

    /** One bucket per logger name. */
    LOGGER("logger") {
        @Override
        String keyOf(Logger logger, String template) {
            return logger.getName();
        }

        @Override
        String metricTag(String key) {
            // bounded by the application's loggers (and by maxKeys)
            return key;
        }
    },

    /**
     * One bucket per unformatted message pattern ({@code "User {} logged in"}), never the formatted message, so
     * that the arguments do not make every event a key of its own.
     */
    TEMPLATE("template") {
        @Override
        String keyOf(Logger logger, String template) {
            if (template == null) {
                return "";
            }
            // a pattern built by concatenation can be huge; its head is key enough and keeps memory bounded
            return template.length() <= MAX_TEMPLATE_KEY_CHARS ? template : template.substring(0, MAX_TEMPLATE_KEY_CHARS);
        }

        @Override
        String metricTag(String key) {
            // templates are unbounded (and may contain data concatenated into them): one fixed tag value
            return OVERFLOW_KEY_TAG.equals(key) ? key : "template";
        }
    };

    /** Templates longer than this are keyed by their first this-many characters. */
    static final int MAX_TEMPLATE_KEY_CHARS = 200;

    private static final String OVERFLOW_KEY_TAG = RateLimiter.OVERFLOW_KEY;

    private final String configName;

    RateLimitKeyMode(String configName) {
        this.configName = configName;
    }

    /** The bucket key for an event of {@code logger} with unformatted message {@code template} (may be null). */
    abstract String keyOf(Logger logger, String template);

    /** The {@code key} tag of the suppression counter for bucket {@code key}; bounded cardinality. */
    abstract String metricTag(String key);

    /** How a summary names where the events came from. */
    String describe(String key) {
        if (RateLimiter.OVERFLOW_KEY.equals(key)) {
            return "keys beyond maxKeys (" + configName + "s sharing the overflow bucket)";
        }
        return this == LOGGER ? "logger " + key : "template '" + key + "'";
    }

    String configName() {
        return configName;
    }

    /** The mode named {@code value} in logback.xml ({@code logger} or {@code template}), or null. */
    static RateLimitKeyMode parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (RateLimitKeyMode mode : values()) {
            if (mode.configName.equals(v)) {
                return mode;
            }
        }
        return null;
    }
}
