package dev.logshield.redact.event;

import static dev.logshield.redact.event.BuiltInRedactor.AWS_KEY;
import static dev.logshield.redact.event.BuiltInRedactor.CARD;
import static dev.logshield.redact.event.BuiltInRedactor.EMAIL;
import static dev.logshield.redact.event.BuiltInRedactor.PASSWORD;
import static dev.logshield.redact.event.BuiltInRedactor.REDACTOR;
import static dev.logshield.redact.event.BuiltInRedactor.SECRET_MASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.logstash.logback.marker.LogstashMarker;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Logstash markers, alone or chained with {@code .and(...)} or under a plain SLF4J marker, come back as new chains
 * with every value redacted, in their JSON and in their {@code toString()} (what {@code %marker} shows), while
 * the application's own markers are left untouched and plain markers are kept.
 */
class StructuredValuesRebuildMarkerChainsTest {

    private static List<Marker> redact(Marker... markers) {
        List<Marker> list = new ArrayList<>(List.of(markers));
        List<Marker> redacted = StructuredValues.redactMarkers(list, REDACTOR);
        assertThat(redacted).isNotSameAs(list).hasSize(markers.length);
        return redacted;
    }

    @Test
    void aChainIsRebuiltWithEveryLinkRedacted() {
        LogstashMarker chain = Markers.append("password", PASSWORD)
                .and(Markers.append("email", EMAIL))
                .and(Markers.append("user", "bob"));
        String before = chain.toString();

        Marker redacted = redact(chain).get(0);

        assertThat(redacted).isNotSameAs(chain).isInstanceOf(LogstashMarker.class);
        assertThat(redacted.toString()).startsWith("password=" + SECRET_MASK).contains("user=bob")
                .doesNotContain(PASSWORD, EMAIL);
        assertThat(references(redacted)).hasSize(2);
        assertThat(chain.toString()).as("the application's chain is not modified").isEqualTo(before);
        JsonNode json = LogstashJson.encode(List.of(redacted));
        assertThat(json.get("password").stringValue()).isEqualTo(SECRET_MASK);
        assertThat(json.get("email").stringValue()).doesNotContain(EMAIL);
        assertThat(json.get("user").stringValue()).isEqualTo("bob");
    }

    @Test
    void aCleanHeadIsCopiedWhenOnlyALaterLinkChanges() {
        LogstashMarker chain = Markers.append("user", "bob").and(Markers.append("card", CARD));

        Marker redacted = redact(chain).get(0);

        assertThat(redacted).isNotSameAs(chain);
        assertThat(redacted.toString()).startsWith("user=bob").doesNotContain(CARD);
        assertThat(references(chain).get(0).toString()).as("original link kept its value").contains(CARD);
    }

    @Test
    void everyAppendingMarkerKindIsRedacted() {
        LogstashMarker chain = Markers.appendEntries(Map.of("apiKey", "k-123", "city", "Lyon"))
                .and(Markers.appendArray("to", "ops", EMAIL))
                .and(Markers.appendRaw("body", "{\"password\":\"" + PASSWORD + "\"}"))
                .and(Markers.appendFields(new Customer("Ada", EMAIL, PASSWORD)));

        Marker redacted = redact(chain).get(0);

        assertThat(redacted.toString()).doesNotContain("k-123", EMAIL, PASSWORD).contains("Lyon", "ops", "Ada");
        String json = LogstashJson.text(List.of(redacted));
        assertThat(json).doesNotContain("k-123", EMAIL, PASSWORD).contains("Lyon", "ops", "Ada");
        JsonNode node = LogstashJson.encode(List.of(redacted));
        assertThat(node.get("apiKey").stringValue()).isEqualTo(SECRET_MASK);
        assertThat(node.get("to").isArray()).isTrue();
        assertThat(node.get("body").isString()).isTrue();
    }

    @Test
    void aDeferredMarkerIsEvaluatedAndItsValueRedacted() {
        LogstashMarker deferred = Markers.defer(() -> Markers.append("token", AWS_KEY));

        Marker redacted = redact(deferred).get(0);

        assertThat(redacted).hasToString("token=" + SECRET_MASK);
        assertThat(LogstashJson.encode(List.of(redacted)).get("token").stringValue()).isEqualTo(SECRET_MASK);
    }

    @Test
    void aDeferredMarkerInAChainKeepsItsOwnLinks() {
        LogstashMarker chain = Markers.defer(() -> Markers.append("user", "bob")).and(Markers.append("email", EMAIL));

        Marker redacted = redact(chain).get(0);

        assertThat(redacted.toString()).contains("user=bob").doesNotContain(EMAIL);
        JsonNode json = LogstashJson.encode(List.of(redacted));
        assertThat(json.get("user").stringValue()).isEqualTo("bob");
        assertThat(json.get("email").stringValue()).doesNotContain(EMAIL);
    }

    @Test
    void aPlainMarkerWithALogstashReferenceIsRebuiltUnderItsName() {
        Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
        audit.add(Markers.append("password", PASSWORD));

        Marker redacted = redact(audit).get(0);

        assertThat(redacted).isNotSameAs(audit);
        assertThat(redacted.getName()).isEqualTo("AUDIT");
        assertThat(references(redacted)).singleElement().hasToString("password=" + SECRET_MASK);
        assertThat(LogstashJson.encode(List.of(redacted)).get("password").stringValue()).isEqualTo(SECRET_MASK);
        assertThat(references(audit)).as("the application's marker is not modified").singleElement()
                .hasToString("password=" + PASSWORD);
    }

    @Test
    void plainMarkersBesideARedactedOneAreTheSameInstances() {
        Marker audit = MarkerFactory.getMarker("AUDIT");
        Marker confidential = MarkerFactory.getDetachedMarker("CONFIDENTIAL");
        confidential.add(MarkerFactory.getDetachedMarker("PII"));

        List<Marker> redacted = redact(audit, Markers.append("email", EMAIL), confidential);

        assertThat(redacted.get(0)).isSameAs(audit);
        assertThat(redacted.get(1).toString()).doesNotContain(EMAIL);
        assertThat(redacted.get(2)).isSameAs(confidential);
    }

    private static List<Marker> references(Marker marker) {
        List<Marker> out = new ArrayList<>();
        for (Iterator<Marker> it = marker.iterator(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }
}
