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
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a sealed version 2 segment only FINAL may follow the closing checkpoint, FINAL must follow a valid closing
 * checkpoint, and the closing checkpoint's frame count must make FINAL the last frame. Each contradiction is
 * TAMPERED for the auditor holding only the seal seed, even when the checkpoints are re-tagged with the real seal
 * key (so that the rule itself is what fails). A closing checkpoint forged without the seal key fails its tag; with
 * no key at all the forgery is UNCLOSED, never INTACT.
 */
class ForgedOrMisplacedClosingIsTamperedTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void aRecordBetweenTheClosingCheckpointAndFinalIsTampered() throws Exception {
        SegmentBytes segment = segment();
        int closing = segment.frameCount() - 2;
        segment.frames().add(closing + 1, segment.frame(segment.seqsOf(FrameType.DATA).get(0)));

        Verified verified = auditor(segment);

        assertTampered(verified, closing + 1, "record after the closing checkpoint");
    }

    @Test
    void aRunningCheckpointBeforeFinalIsTampered() throws Exception {
        SegmentBytes segment = segment();
        int closing = segment.frameCount() - 2;
        Checkpoint original = checkpoint(segment, closing);
        Checkpoint running = new Checkpoint(2, original.epoch(), original.timeMs(), closing, false, 0,
                original.digest(), new byte[32]).tagged(SegmentFixture.sealVerifier().keyAt(original.epoch()), id(segment));
        segment.frames().set(closing, SegmentBytes.frameOf(FrameType.CHECKPOINT, running.encode()));

        Verified verified = auditor(segment);

        assertTampered(verified, closing + 1, "a running checkpoint, not a closing one, precedes FINAL");
    }

    @Test
    void aClosingCheckpointWithAnotherFrameCountIsTampered() throws Exception {
        SegmentBytes segment = segment();
        int closing = segment.frameCount() - 2;
        Checkpoint original = checkpoint(segment, closing);
        Checkpoint miscounted = new Checkpoint(2, original.epoch(), original.timeMs(), closing, true,
                original.frameCount() + 1, original.digest(), new byte[32])
                .tagged(SegmentFixture.sealVerifier().keyAt(original.epoch()), id(segment));
        segment.frames().set(closing, SegmentBytes.frameOf(FrameType.CHECKPOINT, miscounted.encode()));

        Verified verified = auditor(segment);

        assertTampered(verified, closing, "closing checkpoint states " + (segment.frameCount() + 1) + " frames");
    }

    @Test
    void aClosingCheckpointInTheMiddleIsTampered() throws Exception {
        SegmentBytes segment = segment();
        int intermediate = segment.seqsOf(FrameType.CHECKPOINT).get(1);
        Checkpoint original = checkpoint(segment, intermediate);
        Checkpoint closing = new Checkpoint(2, original.epoch(), original.timeMs(), intermediate, true,
                intermediate + 2, original.digest(), new byte[32])
                .tagged(SegmentFixture.sealVerifier().keyAt(original.epoch()), id(segment));
        segment.frames().set(intermediate, SegmentBytes.frameOf(FrameType.CHECKPOINT, closing.encode()));

        Verified verified = auditor(segment);

        assertTampered(verified, intermediate + 1, "record after the closing checkpoint");
    }

    @Test
    void aClosingCheckpointForgedWithoutTheSealKeyFailsItsTag() throws Exception {
        SegmentBytes truncated = truncatedWithForgedClosing();

        Verified verified = auditor(truncated);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(verified.firstProblem().orElseThrow().message()).contains("not sealed with that epoch's key");
    }

    @Test
    void withNoKeyAtAllTheForgedClosingIsUnclosedNeverIntact() throws Exception {
        SegmentBytes truncated = truncatedWithForgedClosing();

        Verified verified = Verified.bytes(Verified.options(List.of(), null), dir.resolve("forged.lse"),
                truncated.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.first(Finding.Severity.UNCLOSED).message()).contains("closure not provable");
    }

    @Test
    void theReaderKeyFindsTheForgedFinalWhateverPrecedesIt() throws Exception {
        SegmentBytes truncated = truncatedWithForgedClosing();

        Verified verified = Verified.bytes(Verified.options(List.of(KEK), null), dir.resolve("forged.lse"),
                truncated.bytes());

        assertTampered(verified, truncated.frameCount() - 1, "FINAL record fails authentication");
    }

    /**
     * The small sealed segment cut after its first record, closed by a closing checkpoint whose fields are right
     * but whose tag is random (no seal key), and a FINAL of random bytes.
     */
    private static SegmentBytes truncatedWithForgedClosing() throws Exception {
        SegmentBytes segment = segment();
        int cut = segment.seqsOf(FrameType.DATA).get(0) + 1;
        Checkpoint opening = checkpoint(segment, 1);
        while (segment.frameCount() > cut) {
            segment.frames().remove(cut);
        }
        byte[] tag = new byte[32];
        new SecureRandom().nextBytes(tag);
        Checkpoint forged = new Checkpoint(2, opening.epoch(), opening.timeMs() + 1, cut, true, cut + 2,
                segment.digestBefore(cut), tag);
        segment.frames().add(SegmentBytes.frameOf(FrameType.CHECKPOINT, forged.encode()));
        byte[] fakeFinal = new byte[57];
        new SecureRandom().nextBytes(fakeFinal);
        segment.frames().add(SegmentBytes.frameOf(FrameType.FINAL, fakeFinal));
        return segment;
    }

    private Verified auditor(SegmentBytes segment) throws Exception {
        return Verified.bytes(Verified.options(List.of(), SegmentFixture.sealVerifier()), dir.resolve("changed.lse"),
                segment.bytes());
    }

    private static void assertTampered(Verified verified, long seq, String message) {
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(verified.report().findings()).as(verified.describe())
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Finding.Severity.TAMPERED);
                    assertThat(f.seq()).isEqualTo(seq);
                    assertThat(f.message()).contains(message);
                });
    }

    private static SegmentBytes segment() throws Exception {
        return SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
    }

    private static Checkpoint checkpoint(SegmentBytes segment, int seq) throws Exception {
        return Checkpoint.decode(2, segment.body(seq));
    }

    private static byte[] id(SegmentBytes segment) throws Exception {
        return SegmentCore.decode(segment.core()).segmentId();
    }
}
