package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.testing.QuietestRound;
import org.junit.jupiter.api.Test;

/**
 * Detectors read clean text in place: scanning lines with nothing to find allocates no byte. A detector that
 * allocated per call would allocate in every round; the JIT may allocate a few bytes once when it swaps
 * compiled code in, so the quietest of several rounds must be zero.
 */
class TokenDetectorsAllocateNothingOnCleanTextTest {

    private static final int ROUNDS = 10;

    @Test
    void scanningCleanLinesAllocatesNothing() {
        String[] lines = Redactions.CLEAN_LINES.toArray(new String[0]);
        for (Detector d : AllDetectors.list()) {
            Redactor r = Redactions.redactor(d, Action.MASK);
            int[] changed = new int[1];
            for (int warm = 0; warm < 200; warm++) {
                scan(r, lines, changed);
            }
            long quietest = QuietestRound.bytes(ROUNDS, () -> {
                for (int i = 0; i < 50; i++) {
                    scan(r, lines, changed);
                }
            });
            assertThat(changed[0]).as(d.name() + " lines changed").isZero();
            assertThat(quietest).as(d.name() + " bytes allocated in the quietest round").isZero();
        }
    }

    private static void scan(Redactor r, String[] lines, int[] changed) {
        for (String line : lines) {
            if (r.redact(line) != line) {
                changed[0]++;
            }
        }
    }
}
