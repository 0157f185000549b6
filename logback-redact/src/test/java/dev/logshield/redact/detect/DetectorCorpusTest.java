package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.BUILT_IN;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Detector;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape every held-out-corpus defect test shares: each line the corpus showed missed is masked exactly, secret
 * gone, by its detector alone and by the built-in engine; each look-alike is left as it was by both.
 *
 * <p>A subclass supplies two static factories, which JUnit looks up in the concrete test class:
 * {@code missedLines()}, a {@code Stream<Missed>}, and {@code lookAlikes()}, a {@code Stream<LookAlike>}.
 */
abstract class DetectorCorpusTest {

    /**
     * A line {@code detector} must mask: what the detector alone makes of it, what the built-in engine makes of it
     * (they differ when another built-in detector also masks part of the line), and the secret neither may leave.
     */
    record Missed(Detector detector, String line, String byDetector, String byBuiltIn, String secret) {
        @Override
        public String toString() {
            return line;
        }
    }

    /** A line {@code detector} must leave untouched. */
    record LookAlike(Detector detector, String line) {
        @Override
        public String toString() {
            return line;
        }
    }

    /** A line that {@code detector} alone and the built-in engine both turn into {@code expected}. */
    static Missed missed(Detector detector, String line, String expected, String secret) {
        return new Missed(detector, line, expected, expected, secret);
    }

    /** {@code lines} as look-alikes of {@code detector}. */
    static Stream<LookAlike> lookAlikesOf(Detector detector, List<String> lines) {
        return lines.stream().map(line -> new LookAlike(detector, line));
    }

    /** {@link Redactions#CLEAN_LINES} and {@code extras} as look-alikes of {@code detector}. */
    static Stream<LookAlike> cleanLinesAnd(Detector detector, String... extras) {
        return lookAlikesOf(detector, Redactions.cleanLinesAnd(extras));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missedLines")
    void detectorMasksMissedLine(Missed missed) {
        assertThat(mask(missed.detector(), missed.line())).isEqualTo(missed.byDetector()).doesNotContain(missed.secret());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missedLines")
    void builtInEngineMasksMissedLine(Missed missed) {
        assertThat(BUILT_IN.redact(missed.line())).isEqualTo(missed.byBuiltIn()).doesNotContain(missed.secret());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void leavesLookAlikesUntouched(LookAlike alike) {
        assertThat(mask(alike.detector(), alike.line())).isSameAs(alike.line());
    }

    /** Only the personal data of {@link Redactions#CLEAN_LINES} is masked; a line left as it was is not copied. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void builtInEngineLeavesLookAlikesUntouched(LookAlike alike) {
        String redacted = BUILT_IN.redact(alike.line());
        assertThat(redacted).isEqualTo(Redactions.builtInCleanLine(alike.line()));
        if (redacted.equals(alike.line())) {
            assertThat(redacted).isSameAs(alike.line());
        }
    }
}
