package dev.logshield.redact.filter;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.spi.MDCAdapter;

/**
 * One test of an access rule ({@code logger=...}, {@code level<...}, {@code marker=...}, {@code mdc.KEY=...}).
 * Implementations are immutable, allocate nothing and never format the message.
 */
interface Condition {

    /**
     * @param loggerName the logger's name, may be null
     * @param level      the event's severity on SLF4J's scale ({@link org.slf4j.event.Level#toInt()})
     * @param marker     the event's marker (classic API), may be null
     * @param markers    the event's markers (fluent API), may be null
     * @param mdc        where to read the MDC from, may be null (then every key is missing)
     */
    boolean test(String loggerName, int level, Marker marker, List<Marker> markers, MDCAdapter mdc);

    /** Relative cost: a rule tests its cheapest conditions first. */
    int cost();
}
