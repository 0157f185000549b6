package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * Every malformed rule (unknown verb, unknown condition, bad level, empty glob, partial-segment wildcard,
 * duplicate id) and a bad defaultDecision is a status error naming the rule and the problem; the filter does not
 * start, Logback keeps calling it, and it denies every event (fail closed) instead of letting everything through
 * as an unstarted Logback turbo filter would. A filter that was never started denies everything too.
 */
class MalformedRulesDenyEverythingTest {

    @TempDir
    Path dir;

    @Test
    void malformedRulesAreReportedByNameAndEverythingIsDenied() {
        try (LogbackHarness logback = LogbackHarness.configure("MalformedRulesDenyEverythingTest", dir)) {
            List<String> errors = logback.statusMessages(Status.ERROR);
            assertThat(errors)
                    .anySatisfy(m -> assertThat(m).contains("<rule> 2 \"permit logger=x\"").contains("unknown verb"))
                    .anySatisfy(m -> assertThat(m).contains("<rule> 3 \"deny colour=red\"")
                            .contains("unknown condition 'colour'"))
                    .anySatisfy(m -> assertThat(m).contains("<rule> 4 \"deny level<LOUD\"")
                            .contains("'LOUD' is not a level"))
                    .anySatisfy(m -> assertThat(m).contains("<rule> 5 \"deny logger=\"").contains("empty logger glob"))
                    .anySatisfy(m -> assertThat(m).contains("<rule> 6 \"deny mdc.tenant=\"")
                            .contains("empty value glob"))
                    .anySatisfy(m -> assertThat(m).contains("<rule> 7 \"deny logger=com.acme*\"")
                            .contains("whole segment"))
                    .anySatisfy(m -> assertThat(m).contains("<rule> 9 \"deny#dup logger=b\"")
                            .contains("already used by rule 8"))
                    .anySatisfy(m -> assertThat(m).contains("<defaultDecision>maybe</defaultDecision> is invalid"))
                    .anySatisfy(m -> assertThat(m).contains("DENIES EVERY EVENT"));
            assertThat(errors).noneSatisfy(m -> assertThat(m).contains("<rule> 1 "));

            AccessControlTurboFilter filter = logback.filter();
            assertThat(filter.isStarted()).isFalse();
            assertThat(logback.context.getTurboFilterList()).containsExactly(filter); // Logback kept it

            Logger ok = logback.logger("ok.Service"); // rule 1 would allow it, were the configuration valid
            ok.error("error");
            ok.info("info");
            logback.logger("x").atError().log("fluent");
            assertThat(ok.isErrorEnabled()).isFalse();

            assertThat(logback.lines("out.log")).isEmpty();
            assertThat(filter.deniedBy("not-started")).isEqualTo(4);
        }
    }

    @Test
    void aFilterThatWasNeverStartedDeniesEverything() {
        LoggerContext context = new LoggerContext();
        try {
            AccessControlTurboFilter filter = new AccessControlTurboFilter();
            filter.setContext(context);
            filter.addRule("allow logger=**");
            context.addTurboFilter(filter); // start() forgotten

            assertThat(context.getLogger("any").isErrorEnabled()).isFalse();
            filter.start();
            assertThat(context.getLogger("any").isErrorEnabled()).isTrue();
            filter.stop();
            assertThat(context.getLogger("any").isErrorEnabled()).isFalse();
            assertThat(filter.deniedBy("not-started")).isEqualTo(1); // counts restart with each start()
        } finally {
            context.stop();
        }
    }
}
