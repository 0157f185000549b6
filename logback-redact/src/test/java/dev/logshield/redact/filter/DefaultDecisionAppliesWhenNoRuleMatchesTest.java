package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events no rule matches get {@code <defaultDecision>}: neutral (the default) leaves them to Logback, deny drops
 * them (counted under {@code default}), accept logs them even below the logger's level.
 */
class DefaultDecisionAppliesWhenNoRuleMatchesTest {

    @TempDir
    Path dir;

    @Test
    void neutralIsTheDefault() {
        try (LogbackHarness logback = LogbackHarness.configure("DefaultDecisionAppliesWhenNoRuleMatchesTest-neutral",
                dir)) {
            logback.logger("blocked").error("denied by the rule");
            logback.logger("other").info("neutral: logged");
            logback.logger("other").debug("neutral: below INFO");

            assertThat(logback.lines("out.log")).containsExactly("INFO other neutral: logged");
            assertThat(logback.filter().isStarted()).isTrue();
            assertThat(logback.filter().deniedBy("default")).isZero();
        }
    }

    @Test
    void denyDropsWhatNoRuleAllows() {
        try (LogbackHarness logback = LogbackHarness.configure("DefaultDecisionAppliesWhenNoRuleMatchesTest-deny",
                dir)) {
            logback.logger("ok.Service").info("allowed by the rule");
            logback.logger("other").error("denied by default");

            assertThat(logback.lines("out.log")).containsExactly("INFO ok.Service allowed by the rule");
            assertThat(logback.filter().deniedBy("default")).isEqualTo(1);
        }
    }

    @Test
    void acceptLogsWhatNoRuleMatchesEvenBelowTheLevel() {
        try (LogbackHarness logback = LogbackHarness.configure("DefaultDecisionAppliesWhenNoRuleMatchesTest-accept",
                dir)) {
            logback.logger("normal.Service").debug("allow rule: still below WARN");
            logback.logger("other").debug("accepted by default");

            assertThat(logback.lines("out.log")).containsExactly("DEBUG other accepted by default");
        }
    }
}
