package dev.logshield.redact.filter;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.spi.MDCAdapter;

/** {@code logger=GLOB} or {@code logger!=GLOB}; an unknown (null) logger name matches no glob. */
record LoggerCondition(LoggerNameGlob glob, boolean negated) implements Condition {

    @Override
    public boolean test(String loggerName, int level, Marker marker, List<Marker> markers, MDCAdapter mdc) {
        return glob.matches(loggerName) != negated;
    }

    @Override
    public int cost() {
        return 1;
    }
}
