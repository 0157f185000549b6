package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file system that extends a file before the data reaches the disk leaves zeros after a crash (ext4
 * data=writeback): 4 KiB of zeros at the end is unclosed (4), located where the zeros start, never tampering, and
 * every record before it is released.
 */
class ZeroFilledTailIsUnclosedNotTamperedTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void zerosAfterAClosedSegmentAreAnUnclosedZeroFilledTail() throws Exception {
        byte[] segment = SegmentFixture.smallSealedSegment(KEK);
        byte[] withZeros = Arrays.copyOf(segment, segment.length + 4096);

        Verified verified = Verified.bytes(options(), dir.resolve("zeros.lse"), withZeros);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.report().has(Finding.Severity.TAMPERED)).isFalse();
        Finding tail = verified.first(Finding.Severity.UNCLOSED);
        assertThat(tail.offset()).isEqualTo(segment.length);
        assertThat(tail.message()).contains("4096 byte(s)", "zero-filled");
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
    }

    @Test
    void zerosAfterTheLastWholeRecordOfACrashedSegmentAreUnclosed() throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(SegmentFixture.sealKeys(), 0, null),
                ChainLink.seriesStart(), List.of(KEK), SegmentFixture.T0);
        fixture.event("before the crash\n", SegmentFixture.T0 + 1);
        byte[] written = fixture.bytes();
        long frames = fixture.writer.frames();
        byte[] crashed = Arrays.copyOf(written, written.length + 4096);

        Verified verified = Verified.bytes(options(), dir.resolve("crashed.lse"), crashed);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.report().has(Finding.Severity.TAMPERED)).isFalse();
        Finding tail = verified.first(Finding.Severity.UNCLOSED);
        assertThat(tail.seq()).isEqualTo(frames);
        assertThat(tail.offset()).isEqualTo(written.length);
        assertThat(verified.releasedTexts()).containsExactly("before the crash\n");
    }

    @Test
    void zerosAtTheEndOfTheCheckpointACrashedSegmentEndsWithAreATornTailForTheAuditor() throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(SegmentFixture.sealKeys(), 0, null),
                ChainLink.seriesStart(), List.of(KEK), SegmentFixture.T0);
        fixture.event("sealed\n", SegmentFixture.T0 + 1);
        fixture.writer.tick(SegmentFixture.T0 + SegmentFixture.EPOCH_MS + 1);
        byte[] crashed = fixture.bytes();
        long lastFrame = fixture.writer.frames() - 1;
        // the page holding the end of the checkpoint (its tag) never reached the disk
        Arrays.fill(crashed, crashed.length - 20, crashed.length, (byte) 0);

        Verified auditor = Verified.bytes(Verified.options(List.of(), SegmentFixture.sealVerifier()),
                dir.resolve("auditor.lse"), crashed);
        Verified reader = Verified.bytes(options(), dir.resolve("reader.lse"), crashed);

        for (Verified verified : List.of(auditor, reader)) {
            assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
            assertThat(verified.report().has(Finding.Severity.TAMPERED)).as(verified.describe()).isFalse();
            Finding torn = verified.first(Finding.Severity.UNCLOSED);
            assertThat(torn.seq()).isEqualTo(lastFrame);
            assertThat(torn.message()).contains("CHECKPOINT record", "last 20 byte(s) are zeros", "torn tail");
        }
        assertThat(reader.releasedTexts()).containsExactly("sealed\n");
    }

    @Test
    void zerosAtTheEndOfAMiddleCheckpointAreTampering() throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.sealed(SegmentFixture.sealKeys(), 0, null),
                ChainLink.seriesStart(), List.of(KEK), SegmentFixture.T0);
        int afterTheOpeningCheckpoint = fixture.bytes().length;
        fixture.event("after the checkpoint\n", SegmentFixture.T0 + 1);
        byte[] crashed = fixture.bytes();
        Arrays.fill(crashed, afterTheOpeningCheckpoint - 20, afterTheOpeningCheckpoint, (byte) 0);

        Verified verified = Verified.bytes(Verified.options(List.of(), SegmentFixture.sealVerifier()),
                dir.resolve("middle.lse"), crashed);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(verified.firstProblem().orElseThrow().seq()).isEqualTo(1);
    }

    private static SeriesVerifier.Options options() {
        return Verified.options(List.of(KEK), SegmentFixture.sealVerifier());
    }
}
