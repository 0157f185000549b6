package dev.logshield.redact.audit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;

/**
 * Lets only audit events through to an appender: {@code ACCEPT} when one of the event's markers is, or
 * references (at any depth, as {@code Marker.contains} checks), the marker named {@code AUDIT}, else
 * {@code DENY}. Applications mark events with {@code MarkerFactory.getMarker("AUDIT")}. Since {@code ACCEPT}
 * ends the filter chain, list any other filter of the appender before this one.
 *
 * <pre>{@code
 * <appender name="AUDIT" class="ch.qos.logback.core.FileAppender">
 *   <file>logs/audit.jsonl</file>
 *   <filter class="dev.logshield.redact.audit.AuditMarkerFilter">
 *     <marker>AUDIT</marker>   <!-- optional, default AUDIT -->
 *   </filter>
 *   <encoder class="dev.logshield.redact.audit.AuditJsonEncoder"/>
 * </appender>
 * }</pre>
 *
 * <p>A blank marker name is reported and the filter does not start; a filter that is not started denies
 * every event, so a misconfigured audit appender never receives ordinary events.
 */
public final class AuditMarkerFilter extends Filter<ILoggingEvent> {

    /** Default marker name. */
    public static final String DEFAULT_MARKER = "AUDIT";

    private String marker = DEFAULT_MARKER;

    /** The marker name that makes an event an audit event (exact, case-sensitive, as SLF4J compares). */
    public void setMarker(String name) {
        this.marker = name == null ? null : name.trim();
    }

    public String getMarker() {
        return marker;
    }

    @Override
    public void start() {
        if (marker == null || marker.isEmpty()) {
            addError("AuditMarkerFilter: <marker> is empty; set a marker name or remove the element to use '"
                    + DEFAULT_MARKER + "'. The filter is not started and denies every event.");
            return;
        }
        super.start();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!isStarted()) {
            return FilterReply.DENY;
        }
        List<Marker> markers = event.getMarkerList();
        if (markers != null) {
            for (Marker m : markers) {
                if (m != null && m.contains(marker)) {
                    return FilterReply.ACCEPT;
                }
            }
        }
        return FilterReply.DENY;
    }
}
