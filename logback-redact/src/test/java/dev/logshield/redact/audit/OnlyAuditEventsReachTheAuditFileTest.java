package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * With {@code AuditMarkerFilter}, the audit file receives only events marked {@code AUDIT} (directly, through a
 * referencing marker, or through the fluent API), while every event still reaches the ordinary log; the marker
 * name is configurable.
 */
class OnlyAuditEventsReachTheAuditFileTest {

    @TempDir
    Path dir;

    @Test
    void onlyMarkedEventsAreAudited() {
        Marker security = MarkerFactory.getDetachedMarker("SECURITY");
        security.add(AUDIT);
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            Logger log = logback.logger("app");
            log.info("ordinary 1");
            log.info(AUDIT, "audited 1");
            log.info(MarkerFactory.getMarker("BILLING"), "ordinary 2");
            log.info(security, "audited 2");
            log.atWarn().addMarker(AUDIT).addKeyValue("action", "x.y").log("audited 3");
            log.info("ordinary 3 {}", "with an argument");

            assertThat(logback.records("audit.jsonl")).extracting(r -> r.get("message").stringValue())
                    .containsExactly("audited 1", "audited 2", "audited 3");
            assertThat(logback.records("security.jsonl")).extracting(r -> r.get("message").stringValue())
                    .containsExactly("audited 2");
            assertThat(logback.lines("app.log")).containsExactly(
                    "ordinary 1", "audited 1", "ordinary 2", "audited 2", "audited 3", "ordinary 3 with an argument");
        }
    }

    @Test
    void anAppenderWithoutMarkedEventsWritesNothing() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("app").info("ordinary");
            assertThat(logback.lines("audit.jsonl")).isEmpty();
            assertThat(logback.lines("app.log")).containsExactly("ordinary");
        }
    }
}
