package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
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
            Findings findings = new Findings();
            for (int warm = 0; warm < 200; warm++) {
                scan(d, lines, findings);
            }
            long quietest = QuietestRound.bytes(ROUNDS, () -> {
                for (int i = 0; i < 50; i++) {
                    scan(d, lines, findings);
                }
            });
            assertThat(findings.size()).as(d.name()).isZero();
            assertThat(quietest).as(d.name() + " bytes allocated in the quietest round").isZero();
        }
    }

    private static void scan(Detector d, String[] lines, Findings findings) {
        for (String line : lines) {
            d.detect(line, findings);
        }
    }
}
