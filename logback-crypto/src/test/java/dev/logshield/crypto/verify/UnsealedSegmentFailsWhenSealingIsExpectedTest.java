package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd #15425: when policy says the series is sealed, a segment without checkpoints is rejected (1) at its
 * header, whether the verifier holds the record key or is the auditor without one, and none of its records is
 * output. A sealed segment passes the same policy.
 */
class UnsealedSegmentFailsWhenSealingIsExpectedTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void anUnsealedSegmentIsRejectedWithTheRecordKey() throws Exception {
        Verified verified = Verified.bytes(expectSealed(List.of(KEK)), dir.resolve("unsealed.lse"),
                SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 3));

        assertRejectedAtTheHeader(verified);
    }

    @Test
    void anUnsealedSegmentIsRejectedByTheAuditor() throws Exception {
        Verified verified = Verified.bytes(expectSealed(List.of()), dir.resolve("unsealed.lse"),
                SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 3));

        assertRejectedAtTheHeader(verified);
    }

    @Test
    void aSealedSegmentMeetsThePolicy() throws Exception {
        Verified verified = Verified.bytes(expectSealed(List.of(KEK)), dir.resolve("sealed.lse"),
                SegmentFixture.smallSealedSegment(KEK));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
    }

    private static void assertRejectedAtTheHeader(Verified verified) {
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.seq()).isEqualTo(-1);
        assertThat(problem.offset()).isZero();
        assertThat(problem.message()).contains("not sealed");
        assertThat(verified.released()).isEmpty();
    }

    private static SeriesVerifier.Options expectSealed(List<TestKek> keys) {
        return new SeriesVerifier.Options(keys, List.of(SegmentFixture.sealVerifier()), true, List.of(), 0, false);
    }
}
