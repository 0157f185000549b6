package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.testing.QuietestRound;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves that detectors allocate nothing on text they find nothing in, even text full of near misses,
 * since they run on every logging call.
 */
class ValidatedDetectorsAllocateNothingOnCleanTextTest {

    private static final String NEAR_MISSES = "2024-01-15 12:30:45.123 INFO [main] c.e.OrderService - order "
            + "4111111111111112 shipped to user@localhost v1.2.3.4.5 from 10:11:12 mac 00:1a:2b:3c:4d:5e "
            + "std::vector ref 123-45-67890 iban DE89370400440532013001 ssn was checked 12345678 icon@2x.png "
            + "hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 1.3.6.1.4.1.311";

    private static final List<Detector> DETECTORS = List.of(new CreditCardDetector(), new SsnDetector(),
            new EmailDetector(), new Ipv4Detector(), new Ipv4Detector(true), new Ipv6Detector(),
            new Ipv6Detector(true), new IbanDetector());

    @Test
    void allocatesNoBytesOnNearMisses() {
        for (Detector d : DETECTORS) {
            Redactor r = Redactions.redactor(d, Action.MASK);
            assertThat(run(r, 1_000)).as(d.name() + " texts changed").isZero();
            long allocated = QuietestRound.bytes(5, () -> run(r, 10_000));
            assertThat(allocated).as(d.name() + " bytes over 10,000 calls, in the quietest round").isZero();
        }
    }

    private static int run(Redactor r, int times) {
        int changed = 0;
        for (int i = 0; i < times; i++) {
            if (r.redact(NEAR_MISSES) != NEAR_MISSES) {
                changed++;
            }
        }
        return changed;
    }
}
