package dev.logshield.redact.filter;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.spi.MDCAdapter;

/**
 * {@code marker=NAME} or {@code marker!=NAME}: whether any of the event's markers is, or references, the marker
 * named {@code NAME} ({@link Marker#contains(String)}, so nested markers count).
 */
record MarkerCondition(String name, boolean negated) implements Condition {

    @Override
    public boolean test(String loggerName, int level, Marker marker, List<Marker> markers, MDCAdapter mdc) {
        return present(marker, markers) != negated;
    }

    private boolean present(Marker marker, List<Marker> markers) {
        if (marker != null && marker.contains(name)) {
            return true;
        }
        if (markers != null) {
            // indexed loop: no Iterator on the logging path
            for (int i = 0, n = markers.size(); i < n; i++) {
                Marker m = markers.get(i);
                if (m != null && m.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public int cost() {
        return 2;
    }
}
