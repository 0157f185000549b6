package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.testing.LinearWork;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that inputs built to defeat naive scanners (long runs, dense anchors, near misses) cost linear work through
 * every detector, and that the output is still right: unchanged when nothing is valid, every occurrence masked when
 * the input repeats a valid value. The work is the characters read, counted ({@link LinearWork}), not timed: at most
 * {@value #READS_PER_CHAR} per character of a {@value #SIZE}-character input, and twice as many for twice the input
 * (a quadratic scan reads four times as many).
 */
class ValidatedDetectorsStayLinearOnAdversarialInputTest {

    private static final int SIZE = 1 << 18;
    /**
     * A detector reads each character a few times (the text's profile, its scan, the checks around a candidate, the
     * rendering): at most 16 on these inputs. A scan that went back over a window of the text at every position, or
     * over all of it, reads more.
     */
    private static final int READS_PER_CHAR = 64;

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
                arguments("dashed iban heads", repeat("DE89-")),
                arguments("iban-shaped card groups", repeat("AB12 4111 1111 1112 ")),
                arguments("dotted ssn-like chain", repeat("123.45.")),
                arguments("ssn keyword and dots", repeat("ssn 123.45.678 ")),
                arguments("hash codes cut short", repeat("a@cafe...")),
                arguments("at signs in user-info", "x://" + repeat("a:b@")),
                arguments("spaces", repeat(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nothingValid")
    void leavesPathologicalTextUnchanged(String name, String input) {
        assertThat(input.length()).isGreaterThanOrEqualTo(SIZE);
        for (Detector d : detectors()) {
            Redactor r = Redactor.builder().rule(d, Action.MASK).build();
            LinearWork.Run<CharSequence> run = LinearWork.assertLinear(d.name() + " on " + name, input,
                    READS_PER_CHAR, r::redact);
            assertThat(run.result()).as(d.name()).isSameAs(run.input());
        }
        LinearWork.Run<CharSequence> all = LinearWork.assertLinear("all on " + name, input,
                READS_PER_CHAR * detectors().size(), all()::redact);
        assertThat(all.result()).isSameAs(all.input());
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
        String out = LinearWork.assertLinear(detector.name() + " on " + unit.trim(), input, READS_PER_CHAR,
                r::redact).result().toString();
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
        return unit.repeat(SIZE / unit.length() + 1);
    }
}
