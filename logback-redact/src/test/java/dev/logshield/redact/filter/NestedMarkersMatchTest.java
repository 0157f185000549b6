package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * {@code marker=NAME} matches an event whose marker is, or references (at any depth), the marker NAME;
 * {@code marker!=NAME} matches events with no such marker, including events without a marker.
 */
class NestedMarkersMatchTest {

    @TempDir
    Path dir;

    @Test
    void referencedMarkersMatchAndNegationMatchesTheRest() {
        Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
        Marker payment = MarkerFactory.getDetachedMarker("PAYMENT");
        payment.add(audit);
        Marker refund = MarkerFactory.getDetachedMarker("REFUND");
        refund.add(payment); // REFUND -> PAYMENT -> AUDIT
        Marker other = MarkerFactory.getDetachedMarker("OTHER");
        Marker pub = MarkerFactory.getDetachedMarker("PUBLIC");
        Marker homepage = MarkerFactory.getDetachedMarker("HOMEPAGE");
        homepage.add(pub);

        try (LogbackHarness logback = LogbackHarness.configure("NestedMarkersMatchTest", dir)) {
            Logger x = logback.logger("x");
            x.info(audit, "audit");
            x.info(payment, "payment");
            x.info(refund, "refund");
            x.info(other, "other");
            x.info("plain");
            Logger p = logback.logger("pub");
            p.info(pub, "public");
            p.info(homepage, "homepage");
            p.info(other, "other");
            p.info("plain");

            assertThat(logback.lines("out.log")).containsExactly(
                    "INFO x other", "INFO x plain", "INFO pub public", "INFO pub homepage");
            assertThat(logback.filter().deniedBy("audit")).isEqualTo(3);
            assertThat(logback.filter().deniedBy("not-public")).isEqualTo(2);
        }
    }
}
