package dev.logshield.redact.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A detector that fails on some input never lets the raw text through: the text is masked whole. */
class RedactionFailsClosedTest {

    /** A detector with a bug: it indexes past the end of texts containing '#'. */
    private static final class BuggyDetector implements Detector {
        @Override
        public String name() {
            return "buggy";
        }

        @Override
        public Triggers triggers() {
            return Triggers.WHOLE_TEXT;
        }

        @Override
        public int validate(CharSequence text, int at, Findings out) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '#') {
                    text.charAt(text.length() + 1);
                }
            }
            return text.length();
        }
    }

    @Test
    void failureMasksTheWholeTextAndIsReported() {
        List<String> failures = new ArrayList<>();
        Redactor r = Redactor.builder()
                .rule(new BuggyDetector(), Action.MASK)
                .listener(new RedactionListener() {
                    @Override
                    public void onFailure(Rule rule, Throwable failure) {
                        failures.add(rule.name() + ":" + failure.getClass().getSimpleName());
                    }
                })
                .build();
        assertThat(r.redact("secret #1 is hunter2")).isEqualTo(Redactor.FAILED);
        assertThat(failures).containsExactly("buggy:StringIndexOutOfBoundsException");
        String clean = "no hash sign here";
        assertThat(r.redact(clean)).isSameAs(clean);
    }
}
