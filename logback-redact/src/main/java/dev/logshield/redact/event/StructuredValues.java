package dev.logshield.redact.event;

import dev.logshield.redact.engine.Redactor;
import java.util.List;
import org.slf4j.Marker;

// TEMPORARY placeholder until the structured branch lands; never committed
final class StructuredValues {
    static boolean isStructured(Object arg) { return false; }
    static Object redactArgument(Object arg, Redactor redactor) { return arg; }
    static List<Marker> redactMarkers(List<Marker> markers, Redactor redactor) { return markers; }
}
