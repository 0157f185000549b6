package dev.logshield.redact.event;

import static dev.logshield.redact.event.BuiltInRedactor.EMAIL;
import static dev.logshield.redact.event.BuiltInRedactor.PASSWORD;
import static dev.logshield.redact.event.BuiltInRedactor.REDACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Redactor;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.logstash.logback.argument.StructuredArgument;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.LogstashMarker;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;

/**
 * Whatever fails while redacting (a {@code toString()} or supplier that throws, even an {@code Error} or a checked
 * exception, a stack overflow) never reaches the caller and never lets the original through: the argument becomes
 * {@link Redactor#FAILED}, the marker a marker of that name. Structures too deep or containing themselves are cut
 * there with the same text.
 */
class StructuredValuesFailClosedTest {

    @Test
    void aValueWhoseToStringThrowsFailsTheArgument() {
        assertFailed(StructuredArguments.kv("customer", new Explodes(new IllegalStateException("boom"))));
        assertFailed(StructuredArguments.fields(new Explodes(new IllegalStateException("boom"))));
    }

    @Test
    void aToStringThatOverflowsTheStackOrThrowsAnErrorFailsTheArgument() {
        assertFailed(StructuredArguments.kv("customer", new Explodes(new StackOverflowError())));
        assertFailed(StructuredArguments.kv("customer", new Explodes(new AssertionError("boom"))));
    }

    @Test
    void aDeferredSupplierThatThrowsFailsTheArgument() {
        assertFailed(StructuredArguments.defer(() -> {
            throw new IllegalStateException("supplier failed");
        }));
        assertFailed(StructuredArguments.defer(() -> sneakyThrow(new IOException("checked, thrown sneakily"))));
    }

    @Test
    void aFailingMarkerIsReplacedAndTheOthersAreStillRedacted() {
        LogstashMarker exploding = Markers.append("user", "bob")
                .and(Markers.append("customer", new Explodes(new IllegalStateException())));
        LogstashMarker deferred = Markers.defer(() -> {
            throw new IllegalStateException("supplier failed");
        });
        List<Marker> markers = new ArrayList<>(List.of(exploding, Markers.append("email", EMAIL), deferred));

        List<Marker> redacted = StructuredValues.redactMarkers(markers, REDACTOR);

        assertThat(redacted).hasSize(3);
        assertThat(redacted.get(0).getName()).isEqualTo(Redactor.FAILED);
        assertThat(redacted.get(0).hasReferences()).isFalse();
        assertThat(redacted.get(1).toString()).startsWith("email=").doesNotContain(EMAIL);
        assertThat(redacted.get(2).getName()).isEqualTo(Redactor.FAILED);
    }

    @Test
    void aMarkerListThatCannotBeReadBecomesOneFailedMarker() {
        List<Marker> broken = new AbstractList<>() {
            @Override
            public Marker get(int index) {
                throw new IllegalStateException("broken list");
            }

            @Override
            public int size() {
                return 1;
            }
        };

        assertThat(StructuredValues.redactMarkers(broken, REDACTOR)).singleElement()
                .extracting(Marker::getName).isEqualTo(Redactor.FAILED);
    }

    @Test
    void aMapThatContainsItselfIsCutAtTheCycle() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("password", PASSWORD);
        map.put("self", map);

        Object redacted = StructuredValues.redactArgument(StructuredArguments.entries(map), REDACTOR);

        assertThat(redacted.toString()).doesNotContain(PASSWORD).contains("self=" + Redactor.FAILED);
    }

    @Test
    void aStructureNestedTooDeeplyIsCutAtTheLimit() {
        Map<String, Object> deep = Map.of("email", EMAIL);
        for (int i = 0; i < ValueRedaction.MAX_DEPTH + 4; i++) {
            deep = Map.of("level" + i, deep);
        }

        Object redacted = StructuredValues.redactArgument(StructuredArguments.entries(deep), REDACTOR);

        assertThat(redacted.toString()).doesNotContain(EMAIL).contains(Redactor.FAILED);
    }

    private static void assertFailed(StructuredArgument arg) {
        assertThat(StructuredValues.redactArgument(arg, REDACTOR)).isEqualTo(Redactor.FAILED);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> StructuredArgument sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    /** A value whose {@code toString()} throws what it is given. */
    private static final class Explodes {
        private final Throwable failure;

        Explodes(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public String toString() {
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            throw (Error) failure;
        }
    }
}
