package dev.logshield.redact.json;

import net.logstash.logback.composite.FormattedTimestampJsonProvider;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.LogstashVersionJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelValueJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;

/**
 * The logstash providers whose values no application input can reach: the event timestamp, the
 * {@code @version} constant, the level and its numeric value. Their values skip the redaction engine (a
 * timestamp is all digits, the most expensive kind of text to scan); their names, and every other provider's
 * names and values, are still redacted. Only exact classes count: a subclass may write anything.
 */
final class TrustedProviders {

    private TrustedProviders() {
    }

    static boolean writesOnlyTrustedValues(JsonProvider<?> provider) {
        Class<?> type = provider.getClass();
        return type == LoggingEventFormattedTimestampJsonProvider.class || type == FormattedTimestampJsonProvider.class
                || type == LogstashVersionJsonProvider.class
                || type == LogLevelJsonProvider.class || type == LogLevelValueJsonProvider.class;
    }
}
