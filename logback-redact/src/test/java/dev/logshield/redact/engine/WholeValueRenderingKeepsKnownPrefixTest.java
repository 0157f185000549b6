package dev.logshield.redact.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.detect.GenericTokenDetector;
import dev.logshield.redact.detect.GithubTokenDetector;
import dev.logshield.redact.policy.PolicyCompiler;
import dev.logshield.redact.policy.RedactionPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Redactor#renderWhole} hides a whole value, keeping a known prefix only when a rule recognises the entire
 * value as one key, whatever action the rules themselves have.
 */
class WholeValueRenderingKeepsKnownPrefixTest {

    private final Redactor builtIns = PolicyCompiler.compile(RedactionPolicy.empty(), BuiltInDetectors.catalog(), null).redactor();

    @Test
    void recognisedKeyKeepsItsPrefix() {
        assertThat(builtIns.renderWhole(Action.PARTIAL, "secret", "tok-1234567890abcdef")).isEqualTo("tok-1234****cdef");
        String gh = "ghp_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5";
        assertThat(builtIns.renderWhole(Action.PARTIAL, "secret", gh)).isEqualTo("ghp_aB3d****3fG5");
    }

    @Test
    void unrecognisedValueIsRenderedWholeWithoutPrefix() {
        assertThat(builtIns.renderWhole(Action.PARTIAL, "secret", "correct-horse-battery")).isEqualTo("co********ry");
        assertThat(builtIns.renderWhole(Action.PARTIAL, "secret", "hunter2")).isEqualTo("[REDACTED:secret]");
        assertThat(builtIns.renderWhole(Action.MASK, "secret", "tok-1234567890abcdef")).isEqualTo("[REDACTED:secret]");
        assertThat(builtIns.renderWhole(Action.PARTIAL, "secret", "")).isEqualTo("[REDACTED:secret]");
        assertThat(builtIns.renderWhole(Action.PARTIAL, "secret", null)).isNull();
    }

    @Test
    void keyInsideLongerValueGivesNoPrefix() {
        // the value is secret as a whole: text around a key must not survive as a "prefix"
        assertThat(builtIns.renderWhole(Action.PARTIAL, "secret", "Bearer tok-1234567890abcdef"))
                .isEqualTo("Be********ef");
    }

    @Test
    void rulesOwnActionsDoNotMatter() {
        Redactor dropping = Redactor.builder().rule(new GenericTokenDetector(), Action.DROP)
                .rule(new GithubTokenDetector(), Action.MASK).build();
        assertThat(dropping.renderWhole(Action.PARTIAL, "secret", "tok-1234567890abcdef")).isEqualTo("tok-1234****cdef");
    }

    @Test
    void failingDetectorOnlyCostsThePrefix() {
        List<Throwable> failures = new ArrayList<>();
        Detector broken = new Detector() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Triggers triggers() {
                return Triggers.WHOLE_TEXT;
            }

            @Override
            public int validate(CharSequence text, int at, Findings out) {
                throw new IllegalStateException("boom");
            }
        };
        Redactor r = Redactor.builder().rule(broken, Action.MASK).rule(new GenericTokenDetector(), Action.MASK)
                .listener(new RedactionListener() {
                    @Override
                    public void onFailure(Rule rule, Throwable failure) {
                        failures.add(failure);
                    }
                }).build();
        assertThat(r.renderWhole(Action.PARTIAL, "secret", "tok-1234567890abcdef")).isEqualTo("to********ef");
        assertThat(failures).hasSize(1);
    }
}
