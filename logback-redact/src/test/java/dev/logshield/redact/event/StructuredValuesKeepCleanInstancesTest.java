package dev.logshield.redact.event;

import static dev.logshield.redact.event.BuiltInRedactor.REDACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.logstash.logback.argument.StructuredArgument;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * What carries no secret comes back as the very same instance: clean structured arguments of every kind, plain
 * arguments, clean marker chains and the marker list itself; null stays null.
 */
class StructuredValuesKeepCleanInstancesTest {

    @Test
    void cleanStructuredArgumentsAreTheSameInstances() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("city", "Lyon");
        nested.put("tags", List.of("a", "b"));
        nested.put("counts", new int[] {1, 2, 3});
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", 42);
        order.put("address", nested);
        List<StructuredArgument> clean = List.of(
                StructuredArguments.kv("user", "bob"),
                StructuredArguments.keyValue("count", 3),
                StructuredArguments.kv("when", Instant.parse("2024-05-01T12:30:45Z")),
                StructuredArguments.kv("id", UUID.fromString("550e8400-e29b-41d4-a716-446655440000")),
                StructuredArguments.kv("ok", true),
                StructuredArguments.value("state", Thread.State.RUNNABLE),
                StructuredArguments.kv("nothing", null),
                StructuredArguments.entries(order),
                StructuredArguments.fields(order),
                StructuredArguments.array("ids", 1, 2, "three"),
                StructuredArguments.raw("body", "{\"event\":\"login\",\"ok\":true}"));

        for (StructuredArgument arg : clean) {
            assertThat(StructuredValues.redactArgument(arg, REDACTOR)).as(arg.toString()).isSameAs(arg);
        }
    }

    @Test
    void argumentsThatAreNotStructuredAreTheSameInstances() {
        Object text = "card 4111111111111111";
        Object number = 4111111111111111L;

        assertThat(StructuredValues.isStructured(text)).isFalse();
        assertThat(StructuredValues.isStructured(null)).isFalse();
        assertThat(StructuredValues.redactArgument(text, REDACTOR)).as("plain arguments are the message's business")
                .isSameAs(text);
        assertThat(StructuredValues.redactArgument(number, REDACTOR)).isSameAs(number);
        assertThat(StructuredValues.redactArgument(null, REDACTOR)).isNull();
    }

    @Test
    void aCleanMarkerListIsTheSameList() {
        Marker plain = MarkerFactory.getDetachedMarker("AUDIT");
        plain.add(Markers.append("user", "bob"));
        List<Marker> markers = new ArrayList<>(List.of(
                Markers.append("user", "bob").and(Markers.appendEntries(Map.of("city", "Lyon")))
                        .and(Markers.appendArray("ids", 1, 2)),
                Markers.aggregate(Markers.append("a", 1), Markers.appendRaw("r", "[1,2]")),
                MarkerFactory.getMarker("SECURITY"),
                plain));

        assertThat(StructuredValues.redactMarkers(markers, REDACTOR)).isSameAs(markers);
    }

    @Test
    void nullAndEmptyMarkerListsAreReturnedAsGiven() {
        List<Marker> empty = List.of();

        assertThat(StructuredValues.redactMarkers(null, REDACTOR)).isNull();
        assertThat(StructuredValues.redactMarkers(empty, REDACTOR)).isSameAs(empty);
    }
}
