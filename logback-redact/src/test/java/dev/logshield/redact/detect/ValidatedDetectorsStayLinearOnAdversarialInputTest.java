package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Redactor;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that 1 MB inputs built to defeat naive scanners (long runs, dense anchors, near misses) finish
 * quickly through every detector, and that the output is still right: unchanged when nothing is valid,
 * every occurrence masked when the input repeats a valid value.
 */
class ValidatedDetectorsStayLinearOnAdversarialInputTest {

    private static final int MB = 1 << 20;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    static List<Detector> detectors() {
        return List.of(new CreditCardDetector(), new SsnDetector(), new EmailDetector(), new Ipv4Detector(),
                new Ipv4Detector(true), new Ipv6Detector(), new Ipv6Detector(true), new IbanDetector());
    }

    /** Inputs in which nothing is valid: every detector must return the very same instance. */
    static Stream<Arguments> nothingValid() {
        return Stream.of(
                arguments("digits", repeat("1234567890")),
                arguments("equals", repeat("=")),
                arguments("a@", repeat("a@")),
                arguments("a.a@", repeat("a.a@")),
                arguments("long local parts", repeat("a".repeat(100) + "@example.com ")),
                arguments("long domains", repeat("a@" + "b.".repeat(200) + " ")),
                arguments("1.1.1.1.", repeat("1.1.1.1.")),
                arguments("colons", repeat(":")),
                arguments("colons and hex", repeat("0a:f:")),
                arguments("double colons", repeat("1::")),
                arguments("dots", repeat(".")),
                arguments("dashed digits", repeat("4111-")),
                arguments("spaced digits", repeat("4111 ")),
                arguments("ssn-like chain", repeat("123-45-")),
                arguments("ssn keyword runs", repeat("ssn 12345678 ")),
                arguments("iban heads", repeat("DE89")),
                arguments("iban print heads", repeat("DE89 ")),
                arguments("capitals and digits", repeat("AB12CD34")),
                arguments("hex", repeat("9f86d081884c7d65")),
                arguments("spaces", repeat(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nothingValid")
    void leavesPathologicalTextUnchanged(String name, String input) {
        assertThat(input.length()).isGreaterThanOrEqualTo(MB);
        for (Detector d : detectors()) {
            Redactor r = Redactor.builder().rule(d, Action.MASK).build();
            String out = assertTimeoutPreemptively(LIMIT, () -> r.redact(input), d.name());
            assertThat(out).as(d.name()).isSameAs(input);
        }
        Redactor all = all();
        assertThat(assertTimeoutPreemptively(LIMIT, () -> all.redact(input))).isSameAs(input);
    }

    /** Inputs that repeat one valid value: every occurrence is masked, nothing else is touched. */
    static Stream<Arguments> manyValid() {
        return Stream.of(
                arguments(new CreditCardDetector(), "4111111111111111 "),
                arguments(new CreditCardDetector(), "4111 1111 1111 1111,"),
                arguments(new SsnDetector(), "123-45-6789 "),
                arguments(new EmailDetector(), "john.doe@example.com "),
                arguments(new Ipv4Detector(), "192.0.2.1 "),
                arguments(new Ipv6Detector(), "2001:db8::1 "),
                arguments(new IbanDetector(), "DE89 3704 0044 0532 0130 00, "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manyValid")
    void masksEveryRepetition(Detector detector, String unit) {
        String input = repeat(unit);
        int copies = input.length() / unit.length();
        Redactor r = Redactor.builder().rule(detector, Action.MASK).build();
        String out = assertTimeoutPreemptively(LIMIT, () -> r.redact(input));
        String mask = "[REDACTED:" + detector.name() + "]";
        String separator = unit.substring(unit.length() - (unit.endsWith(", ") ? 2 : 1));
        assertThat(out).isEqualTo((mask + separator).repeat(copies));
    }

    private static Redactor all() {
        Redactor.Builder b = Redactor.builder();
        for (Detector d : detectors()) {
            b.rule(d, Action.MASK);
        }
        return b.build();
    }

    private static String repeat(String unit) {
        return unit.repeat(MB / unit.length() + 1);
    }
}
