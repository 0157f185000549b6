package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Rules are tried in document order and the first that matches decides: an earlier allow beats a later deny,
 * an earlier deny beats a later accept, and allow (unlike accept) still leaves the level check to Logback.
 */
class FirstMatchingRuleWinsTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theFirstMatchingRuleDecides() {
        try (LogbackHarness logback = LogbackHarness.configure("FirstMatchingRuleWinsTest", dir)) {
            Logger payments = logback.logger("com.acme.Payments");

            payments.info("anonymous info");      // rule 2 denies; rule 3 would have accepted
            payments.error("anonymous error");    // rule 2 denies
            MDC.put("role", "auditor");
            payments.info("auditor info");        // rule 1 allows before rule 2 can deny
            payments.debug("auditor debug");      // allowed by rule 1, then below the root's INFO
            MDC.remove("role");
            logback.logger("org.other.Service").info("elsewhere"); // no rule: neutral

            assertThat(logback.lines("out.log")).containsExactly(
                    "INFO com.acme.Payments auditor info",
                    "INFO org.other.Service elsewhere");
            assertThat(logback.filter().deniedBy("acme")).isEqualTo(2);
        }
    }
}
