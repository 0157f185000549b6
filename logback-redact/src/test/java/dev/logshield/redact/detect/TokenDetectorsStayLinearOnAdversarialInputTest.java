package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.testing.LinearWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs built to make naive scanners go quadratic or back-track: each detector alone and all together must cost
 * linear work, never fail, and give the expected result. The work is the characters read, counted
 * ({@link LinearWork}), not timed: at most {@value #READS_PER_CHAR} per character of a {@value #SIZE}-character
 * input for one detector, and twice as many for twice the input (a quadratic scan reads four times as many).
 */
class TokenDetectorsStayLinearOnAdversarialInputTest {

    private static final int SIZE = 1 << 18;
    /**
     * A detector reads each character a few times (the text's profile, its scan, the checks around a candidate, the
     * rendering): at most 16 on these inputs. A scan that went back over a window of the text at every position, or
     * over all of it, reads more.
     */
    private static final int READS_PER_CHAR = 64;
    private static final String SAME = "<same instance>";

    static String repeat(String unit) {
        StringBuilder b = new StringBuilder(SIZE + unit.length());
        while (b.length() < SIZE) {
            b.append(unit);
        }
        return b.toString();
    }

    /** Input, then what all detectors together make of it. */
    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("equals signs", repeat("="), SAME),
                Arguments.of("a= pairs", repeat("a="), SAME),
                Arguments.of("password= repeats", repeat("password="), "password=[REDACTED:secret]"),
                Arguments.of("colons", repeat(":"), SAME),
                Arguments.of("eyJ repeats", repeat("eyJ"), SAME),
                Arguments.of("eyJ. segments", repeat("eyJ."), SAME),
                Arguments.of("valid JWT headers chained", repeat(Redactions.b64url("{\"alg\":\"none\"}") + "."), SAME),
                Arguments.of("BEGIN markers", repeat("-----BEGIN "), SAME),
                Arguments.of("a@ repeats", repeat("a@"), SAME),
                Arguments.of("base64 with dots", repeat("QUJD.ZGVm+/x.eyJ0"), SAME),
                Arguments.of("Bearer repeats", repeat("Bearer "), SAME),
                Arguments.of("basic repeats", repeat("basic "), SAME),
                Arguments.of("scheme separators", repeat("://"), SAME),
                Arguments.of("user-info at signs", "x://" + repeat("a@"), SAME),
                Arguments.of("prefixes", repeat("ghp_tok-sk-AKIAxoxb-AIza"), SAME),
                Arguments.of("openai body too long", "sk-" + repeat("A1b"), SAME),
                Arguments.of("JSON keys without values", repeat("\"password\":\""), SAME),
                Arguments.of("unclosed arrays", repeat("secret=["), SAME),
                Arguments.of("quotes", repeat("\""), SAME),
                Arguments.of("backslashes", repeat("\\"), SAME),
                Arguments.of("blanks", repeat(" \t"), SAME),
                Arguments.of("lone surrogates", repeat("\uD800a\uDC00="), SAME),
                Arguments.of("header lines", repeat("Authorization: "), "Authorization: [REDACTED:secret] "),
                Arguments.of("private key blocks", repeat("-----BEGIN PRIVATE KEY-----"), null),
                Arguments.of("many findings", repeat("pwd=\""), null),
                Arguments.of("many pairs", repeat("password=a "), null),
                Arguments.of("ampersands in a value", "password=" + repeat("&a"), null),
                Arguments.of("ampersands before pairs", repeat("&a="), SAME),
                Arguments.of("closers in values", repeat("password=x),]}'"), null),
                Arguments.of("closer runs", "password=" + repeat(")]}',"), SAME), // closers up to the end close an empty value
                Arguments.of("match operators", repeat("secret=~"), null),
                Arguments.of("raw # in user-info", "x://a:" + repeat("b#"), SAME),
                Arguments.of("raw # then @", repeat("x://a:b#c@"), null),
                Arguments.of("dotted ghs_ bodies", repeat("ghs_" + Redactions.alnum(40, 0) + "."), null),
                Arguments.of("short slack tokens", repeat("xoxe-1-" + Redactions.alnum(6, 0) + "-"), SAME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void eachDetectorAloneStaysLinear(String name, String input, String expectedAll) {
        for (Detector d : AllDetectors.list()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Redactor r = AllDetectors.redactor(List.of(d), failure);
            CharSequence out = LinearWork.assertLinear(d.name() + " on " + name, input, READS_PER_CHAR, r::redact)
                    .result();
            assertThat(failure.get()).as(d.name()).isNull();
            assertThat(out).as(d.name()).isNotNull().isNotEqualTo(Redactor.FAILED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void allDetectorsTogetherStayLinearAndSane(String name, String input, String expectedAll) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Redactor r = AllDetectors.redactor(new ArrayList<>(AllDetectors.list()), failure);
        LinearWork.Run<CharSequence> run = LinearWork.assertLinear("all on " + name, input,
                READS_PER_CHAR * AllDetectors.list().size(), r::redact);
        assertThat(failure.get()).isNull();
        if (SAME.equals(expectedAll)) {
            assertThat(run.result()).isSameAs(run.input());
        } else if (expectedAll != null) {
            assertThat(run.result().toString()).isEqualTo(expectedAll);
        } else {
            assertThat(run.result().toString()).isNotEqualTo(Redactor.FAILED).contains("[REDACTED:");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void privateKeyBlocksAreCutIntoWindows(String name, String input, String expectedAll) {
        if (!name.equals("private key blocks")) {
            return;
        }
        String out = Redactions.mask(new PemPrivateKeyDetector(), input);
        assertThat(out.length()).isLessThan(input.length() / 100);
        assertThat(out).startsWith("[REDACTED:private-key]");
    }
}
