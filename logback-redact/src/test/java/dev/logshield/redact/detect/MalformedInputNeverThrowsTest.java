package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Redactor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that no detector throws on odd text (lone surrogates, control characters, anchors at the very
 * start or end, random mixes of the characters detectors care about), so the engine never has to fail
 * closed because of a detector.
 */
class MalformedInputNeverThrowsTest {

    private static final List<Detector> DETECTORS = List.of(new CreditCardDetector(), new SsnDetector(),
            new EmailDetector(), new Ipv4Detector(), new Ipv4Detector(true), new Ipv6Detector(),
            new Ipv6Detector(true), new IbanDetector());

    @ParameterizedTest
    @ValueSource(strings = {
        "", "@", "@@", ".", ":", "::", ":::", "-", " ", "a@", "@a", "a@b.", "1.", ".1", "1.1.1.", "1:", ":1",
        "\uD800", "\uDC00", "\uDC00\uD800", "a\uD800@example.com", "john@example.com\uD800", "\uD835\uDC00@x.com",
        "4111111111111111\uD800", "\u0000\u0001\u0002\u007F", "192.0.2.1\u0000", "\u0000192.0.2.1",
        "DE89", "DE89 ", "DE89 3", "123-45-", "123-45-678", "ssn", "ssn 12345678", "[::", "::]", "[2001:db8::1",
        "\uFEFF2001:db8::1", "\u00A0192.0.2.1\u00A0", "\u0660\u0661\u0662.\u0663.\u0664.\u0665",
    })
    void survivesEdgeCases(String text) {
        for (Detector d : DETECTORS) {
            Redactor r = Redactor.builder().rule(d, Action.MASK).build();
            assertThat(r.redact(text)).as(d.name()).isNotEqualTo(Redactor.FAILED);
        }
    }

    @Test
    void survivesRandomMixesOfAnchorCharacters() {
        String alphabet = "0123456789abcdefxyzABCDEFXYZ.:@-_ %[]/=+'\"\t\n\uD800\uDC00\u00E9\u0000";
        Random random = new Random(20240115L);
        StringBuilder b = new StringBuilder();
        for (int round = 0; round < 5_000; round++) {
            b.setLength(0);
            int len = random.nextInt(80);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            for (Detector d : DETECTORS) {
                Redactor r = Redactor.builder().rule(d, Action.MASK).build();
                assertThat(r.redact(text)).as(text).isNotEqualTo(Redactor.FAILED);
            }
        }
    }
}
