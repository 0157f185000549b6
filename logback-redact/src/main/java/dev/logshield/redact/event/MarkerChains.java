package dev.logshield.redact.event;

import dev.logshield.redact.engine.Redactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import net.logstash.logback.marker.DeferredLogstashMarker;
import net.logstash.logback.marker.EmptyLogstashMarker;
import net.logstash.logback.marker.LogstashMarker;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Redacts a marker together with the markers it references ({@code Markers.append(...).and(...)},
 * {@code marker.add(...)}), which consumers such as {@code LogstashEncoder} walk and write, and which
 * {@code toString()} (what {@code %marker} shows) renders.
 *
 * <p>A chain with a changed member is rebuilt and never modified in place (the application may log the same
 * marker again): a new head (the redacted one, or a copy of an unchanged one, or a detached SLF4J marker of the
 * same name for a plain marker) to which each reference, redacted in turn, is added. A
 * {@code Markers.defer(...)} marker is evaluated now and replaced by its redacted value. Plain SLF4J markers are
 * names and are kept, unless a name holds a secret. Nesting deeper than {@link ValueRedaction#MAX_DEPTH} or a marker that references itself
 * becomes a marker named {@link Redactor#FAILED}. The same instance comes back when nothing changed.
 * Loaded only when logstash-logback-encoder is present.
 */
final class MarkerChains {

    private final Redactor redactor;
    /** The markers being walked, from the root to the current one. */
    private final Set<Marker> path = Collections.newSetFromMap(new IdentityHashMap<>());

    private MarkerChains(Redactor redactor) {
        this.redactor = redactor;
    }

    /** {@code marker} and its references with every logstash marker's values redacted. */
    static Marker redact(Marker marker, Redactor redactor) {
        if (marker instanceof LogstashMarker && !(marker instanceof DeferredLogstashMarker) && !marker.hasReferences()) {
            return LogstashValues.self((LogstashMarker) marker, redactor); // the common case walks nothing
        }
        return new MarkerChains(redactor).walk(marker, 0);
    }

    private Marker walk(Marker marker, int depth) {
        if (depth > ValueRedaction.MAX_DEPTH || !path.add(marker)) {
            return StructuredValues.failedMarker();
        }
        try {
            Marker head = own(marker, depth);
            if (!marker.hasReferences()) {
                return head;
            }
            boolean changed = head != marker;
            List<Marker> references = new ArrayList<>();
            for (Iterator<Marker> it = marker.iterator(); it.hasNext();) {
                Marker reference = it.next();
                Marker redacted = walk(reference, depth + 1);
                changed |= redacted != reference;
                references.add(redacted);
            }
            if (!changed) {
                return marker;
            }
            if (head == marker) {
                head = marker instanceof LogstashMarker ? LogstashValues.copy((LogstashMarker) marker)
                        : MarkerFactory.getDetachedMarker(marker.getName());
            }
            for (Marker reference : references) {
                head.add(reference);
            }
            return head;
        } finally {
            path.remove(marker);
        }
    }

    /** {@code marker}'s own content: itself when unchanged, else a new marker that does not hold its references. */
    private Marker own(Marker marker, int depth) {
        if (marker instanceof DeferredLogstashMarker) {
            Object supplied = LogstashInternals.markerSupplier(marker).get();
            Marker value = supplied == null ? new EmptyLogstashMarker() : walk((Marker) supplied, depth + 1);
            if (!marker.hasReferences()) {
                return value;
            }
            Marker holder = new EmptyLogstashMarker(); // the value may be the application's own marker: add to a new one
            holder.add(value);
            return holder;
        }
        if (marker instanceof LogstashMarker) {
            return LogstashValues.self((LogstashMarker) marker, redactor);
        }
        String name = marker.getName();
        String redacted = redactor.redact(name);
        return redacted == name ? marker : MarkerFactory.getDetachedMarker(redacted); // a plain SLF4J marker is a name
    }
}
