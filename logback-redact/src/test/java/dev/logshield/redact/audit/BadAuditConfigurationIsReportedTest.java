package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelt {@code clientIpMode}, or a marker name that resolves to nothing ({@code ${AUDIT_MARKER:-}} with the
 * property unset), is reported as a status error saying what to do, and the component stays stopped: the encoder
 * writes nothing, the filter denies everything. Neither guesses.
 */
class BadAuditConfigurationIsReportedTest {

    @TempDir
    Path dir;

    @Test
    void misconfiguredComponentsAreReportedAndWriteNothing() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT).addKeyValue("action", "a.b").log("audited");

            assertThat(logback.statusMessages(Status.ERROR))
                    .anySatisfy(m -> assertThat(m).contains("<clientIpMode>netwrok</clientIpMode> is not one of full, network, mask"))
                    .anySatisfy(m -> assertThat(m).contains("AuditMarkerFilter: <marker> is empty"));
            assertThat(logback.lines("typo.jsonl")).isEmpty();
            assertThat(logback.lines("blank-marker.jsonl")).isEmpty();
        }
    }
}
