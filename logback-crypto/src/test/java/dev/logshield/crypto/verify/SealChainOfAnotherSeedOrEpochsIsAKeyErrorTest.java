package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealVerifier;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seal seed whose epoch origin or interval differ from those a segment declares is another host's or another
 * configuration's chain: a key error (3), and its checkpoints are not judged with it, so the wrong key is never
 * reported as tampering. The records are still checked and output with the record key.
 */
class SealChainOfAnotherSeedOrEpochsIsAKeyErrorTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void anotherIntervalIsAKeyErrorNotTampering() throws Exception {
        TestSealVerifier other = new TestSealVerifier(SegmentFixture.sealSeed(), SegmentFixture.T0,
                SegmentFixture.SEAL_INTERVAL_SECONDS * 2);

        assertKeyError(Verified.bytes(Verified.options(List.of(KEK), other), dir.resolve("a.lse"),
                SegmentFixture.smallSealedSegment(KEK)));
    }

    @Test
    void anotherOriginIsAKeyErrorNotTampering() throws Exception {
        TestSealVerifier other = new TestSealVerifier(SegmentFixture.sealSeed(), SegmentFixture.T0 - 3_000,
                SegmentFixture.SEAL_INTERVAL_SECONDS);

        assertKeyError(Verified.bytes(Verified.options(List.of(KEK), other), dir.resolve("b.lse"),
                SegmentFixture.smallSealedSegment(KEK)));
    }

    @Test
    void anotherSeedWithTheSameEpochsIsAKeyErrorNotTampering() throws Exception {
        byte[] otherSeed = SegmentFixture.sealSeed();
        otherSeed[0] ^= 1;
        TestSealVerifier other = new TestSealVerifier(otherSeed, SegmentFixture.T0, SegmentFixture.SEAL_INTERVAL_SECONDS);

        assertKeyError(Verified.bytes(Verified.options(List.of(KEK), other), dir.resolve("c.lse"),
                SegmentFixture.smallSealedSegment(KEK)));
    }

    private static void assertKeyError(Verified verified) {
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.KEY_ERROR);
        assertThat(verified.report().has(Finding.Severity.TAMPERED)).isFalse();
        Finding key = verified.first(Finding.Severity.KEY);
        assertThat(key.offset()).isZero();
        assertThat(key.message()).contains("another seal key chain");
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
    }
}
