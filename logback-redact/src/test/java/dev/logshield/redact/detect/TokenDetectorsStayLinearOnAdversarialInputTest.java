package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 1 MB inputs built to make naive scanners go quadratic or back-track: each detector alone and all together
 * must finish well inside the hang guard, never fail, and give the expected result.
 */
class TokenDetectorsStayLinearOnAdversarialInputTest {

    private static final int MB = 1 << 20;
    private static final String SAME = "<same instance>";

    static String repeat(String unit) {
        StringBuilder b = new StringBuilder(MB + unit.length());
        while (b.length() < MB) {
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
                Arguments.of("many pairs", repeat("password=a "), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void eachDetectorAloneStaysFast(String name, String input, String expectedAll) {
        for (Detector d : AllDetectors.list()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Redactor r = AllDetectors.redactor(List.of(d), failure);
            String out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> r.redact(input), d.name() + " on " + name);
            assertThat(failure.get()).as(d.name()).isNull();
            assertThat(out).as(d.name()).isNotNull().isNotEqualTo(Redactor.FAILED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void allDetectorsTogetherStayFastAndSane(String name, String input, String expectedAll) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Redactor r = AllDetectors.redactor(new ArrayList<>(AllDetectors.list()), failure);
        String out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> r.redact(input), name);
        assertThat(failure.get()).isNull();
        if (SAME.equals(expectedAll)) {
            assertThat(out).isSameAs(input);
        } else if (expectedAll != null) {
            assertThat(out).isEqualTo(expectedAll);
        } else {
            assertThat(out).isNotEqualTo(Redactor.FAILED).contains("[REDACTED:");
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
