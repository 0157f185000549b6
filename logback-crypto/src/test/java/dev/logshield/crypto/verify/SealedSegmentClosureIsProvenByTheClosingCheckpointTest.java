package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sealed version 2 segment closes with a closing checkpoint (frame count under the seal tag) and FINAL, so that
 * it is INTACT for the auditor holding only the seal seed, as for the reader holding the record key. Without
 * either it is UNCLOSED: nothing proves the closure. A crash between the closing checkpoint and FINAL is a crash
 * (UNCLOSED), not tampering.
 */
class SealedSegmentClosureIsProvenByTheClosingCheckpointTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void theWriterClosesASealedSegmentWithAClosingCheckpointAndFinal() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        int last = segment.frameCount() - 1;
        SegmentCore core = SegmentCore.decode(segment.core());
        Checkpoint closing = Checkpoint.decode(core.version(), segment.body(last - 1));

        assertThat(core.version()).isEqualTo(2);
        assertThat(segment.type(last)).isEqualTo(FrameType.FINAL);
        assertThat(closing.closing()).isTrue();
        assertThat(closing.frameCount()).isEqualTo(segment.frameCount());
        assertThat(segment.seqsOf(FrameType.CHECKPOINT).subList(0, 2))
                .allSatisfy(seq -> assertThat(Checkpoint.decode(2, segment.body(seq)).closing()).isFalse());
    }

    @Test
    void theAuditorAloneFindsItIntact() throws Exception {
        Verified verified = verify(List.of(), SegmentFixture.sealVerifier());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).isEmpty();
    }

    @Test
    void theReaderAloneFindsItIntact() throws Exception {
        Verified verified = verify(List.of(KEK), null);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
    }

    @Test
    void readerAndAuditorTogetherFindItIntact() throws Exception {
        Verified verified = verify(List.of(KEK), SegmentFixture.sealVerifier());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
    }

    @Test
    void withNeitherKeyTheClosureIsNotProvable() throws Exception {
        Verified verified = verify(List.of(), null);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.first(Finding.Severity.UNCLOSED).message())
                .contains("closure not provable without the reader key or the seal key");
    }

    @Test
    void aCrashBetweenTheClosingCheckpointAndFinalIsUnclosed() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
        segment.frames().remove(segment.frameCount() - 1);

        Verified verified = Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()),
                dir.resolve("crashed.lse"), segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.first(Finding.Severity.UNCLOSED).message())
                .contains("closing checkpoint was written but not FINAL");
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
    }

    private Verified verify(List<TestKek> keys, SealVerifier seal) throws Exception {
        return Verified.bytes(Verified.options(keys, seal), dir.resolve("sealed.lse"),
                SegmentFixture.smallSealedSegment(KEK));
    }
}
