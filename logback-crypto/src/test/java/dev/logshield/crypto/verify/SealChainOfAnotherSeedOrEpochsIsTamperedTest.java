package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.Hex;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealVerifier;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment sealed with a chain that is none of the seal keys given (another seed, origin or interval: the chain id
 * covers all three) could have been written by anybody holding a reader's public key, so it is tampered (1), never a
 * key error: its checkpoints are not judged with a wrong key, none of its records is output, and the finding names
 * the segment's chain and the given ones. Among several given keys (a rotation), the one of its chain is used.
 */
class SealChainOfAnotherSeedOrEpochsIsTamperedTest {

    private static final TestKek KEK = TestKek.random();
    private static final String SEGMENT_CHAIN = Hex.of(SegmentFixture.sealVerifier().chainId());

    @TempDir
    Path dir;

    @Test
    void anotherIntervalIsTampering() throws Exception {
        assertTampered(new TestSealVerifier(SegmentFixture.sealSeed(), SegmentFixture.T0,
                SegmentFixture.SEAL_INTERVAL_SECONDS * 2), "a.lse");
    }

    @Test
    void anotherOriginIsTampering() throws Exception {
        assertTampered(new TestSealVerifier(SegmentFixture.sealSeed(), SegmentFixture.T0 - 3_000,
                SegmentFixture.SEAL_INTERVAL_SECONDS), "b.lse");
    }

    @Test
    void anotherSeedWithTheSameEpochsIsTampering() throws Exception {
        assertTampered(otherSeed(), "c.lse");
    }

    @Test
    void amongSeveralKeysTheOneOfTheSegmentsChainVerifiesIt() throws Exception {
        Verified verified = Verified.bytes(new SeriesVerifier.Options(List.of(KEK),
                List.of(otherSeed(), SegmentFixture.sealVerifier()), false, List.of(), 0, false), dir.resolve("d.lse"),
                SegmentFixture.smallSealedSegment(KEK));

        assertThat(verified.report().findings()).as(verified.describe()).isEmpty();
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
    }

    private static TestSealVerifier otherSeed() {
        byte[] seed = SegmentFixture.sealSeed();
        seed[0] ^= 1;
        return new TestSealVerifier(seed, SegmentFixture.T0, SegmentFixture.SEAL_INTERVAL_SECONDS);
    }

    private void assertTampered(TestSealVerifier other, String name) throws Exception {
        Verified verified = Verified.bytes(Verified.options(List.of(KEK), other), dir.resolve(name),
                SegmentFixture.smallSealedSegment(KEK));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(verified.report().has(Finding.Severity.KEY)).isFalse();
        Finding finding = verified.first(Finding.Severity.TAMPERED);
        assertThat(finding.offset()).isZero();
        assertThat(finding.message()).contains("none of the given seal keys").contains(SEGMENT_CHAIN)
                .contains(Hex.of(other.chainId()));
        assertThat(verified.released()).isEmpty();
    }
}
