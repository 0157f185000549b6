package dev.logshield.redact.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import org.slf4j.Marker;

/**
 * {@code %marker} / {@code %redactedMarker}: the event's markers (with their references), redacted and
 * neutralised, in Logback's own format.
 */
public class RedactedMarkerConverter extends ClassicConverter implements RedactingConverter {

    private final ConverterBinding binding = new ConverterBinding();

    @Override
    public void bind(EventPreparer preparer) {
        binding.bind(preparer);
    }

    @Override
    public void start() {
        binding.ensureBound(getContext());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        EventPreparer preparer = binding.get();
        List<Marker> markers = preparer.prepare(event).getMarkerList();
        if (markers == null || markers.isEmpty()) {
            return "";
        }
        String text = markers.size() == 1 ? markers.get(0).toString() : markers.toString();
        return preparer.neutralized(text);
    }
}
