package dev.logshield.redact.event;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Marker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event through a real {@link LogstashEncoder} in a real {@link LoggerContext} and parses the JSON back:
 * what a consumer that understands structured arguments and markers makes of them.
 */
final class LogstashJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LogstashJson() {
    }

    /** The JSON of an event whose message has one {@code {}} per argument, carrying {@code markers}. */
    static JsonNode encode(List<Marker> markers, Object... args) {
        return MAPPER.readTree(text(markers, args));
    }

    /** The encoded line itself, to search for any trace of a secret. */
    static String text(List<Marker> markers, Object... args) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        try {
            Logger logger = context.getLogger("structured");
            String message = Arrays.stream(args).map(a -> "{}").collect(Collectors.joining(" ", "args ", ""));
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, args);
            if (markers != null) {
                markers.forEach(event::addMarker);
            }
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            encoder.stop();
            context.stop();
        }
    }

    /** The JSON of an event carrying only {@code args}. */
    static JsonNode ofArguments(Object... args) {
        return encode(null, args);
    }
}
