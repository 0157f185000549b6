package dev.logshield.redact.filter;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.spi.MDCAdapter;

/**
 * {@code mdc.KEY=GLOB}, {@code mdc.KEY!=GLOB} and the presence test {@code mdc.KEY} ({@code glob} null). A missing
 * key equals nothing, so {@code mdc.KEY!=GLOB} holds when the key is missing.
 */
record MdcCondition(String key, ValueGlob glob, boolean negated) implements Condition {

    @Override
    public boolean test(String loggerName, int level, Marker marker, List<Marker> markers, MDCAdapter mdc) {
        String value = mdc == null ? null : mdc.get(key);
        boolean equal = value != null && (glob == null || glob.matches(value));
        return equal != negated;
    }

    @Override
    public int cost() {
        return 3;
    }
}
