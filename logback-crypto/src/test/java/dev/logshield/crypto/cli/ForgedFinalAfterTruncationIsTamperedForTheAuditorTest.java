package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security review's reproduction: an intruder deletes the newest records of a sealed, closed segment and
 * appends a FINAL frame of random bytes, which nobody without the reader key can decrypt. The auditor, holding only
 * the seal key, must not be told INTACT: in format version 2 only a closing checkpoint under the seal chain proves
 * that a segment was closed, and the frame before the forged FINAL is none.
 */
class ForgedFinalAfterTruncationIsTamperedForTheAuditorTest {

    @TempDir
    Path dir;

    private SealedSegmentFile segment;

    @BeforeEach
    void writeSegment() throws Exception {
        segment = SealedSegmentFile.write(dir);
    }

    @Test
    void intactSegmentIsIntactForTheAuditor() {
        CliRun run = auditorVerifies();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("INTACT");
    }

    @Test
    void cutAfterTheFirstDataFrameWithAForgedFinalIsTampered() throws Exception {
        segment.cutAfterFrameAndForgeFinal(SealedSegmentFile.FIRST_DATA);

        CliRun run = auditorVerifies();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).contains("TAMPERED").doesNotContain("INTACT");
    }

    @Test
    void cutAfterAnIntermediateCheckpointWithAForgedFinalIsTampered() throws Exception {
        segment.cutAfterFrameAndForgeFinal(SealedSegmentFile.INTERMEDIATE_CHECKPOINT);

        CliRun run = auditorVerifies();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).contains("TAMPERED").doesNotContain("INTACT");
    }

    @Test
    void theReaderKeyAlsoFindsTheForgedFinal() throws Exception {
        segment.cutAfterFrameAndForgeFinal(SealedSegmentFile.FIRST_DATA);

        CliRun run = CliRun.of("verify", "-i", segment.reader().identityArgument(), "--seal-key",
                segment.auditorKey().toString(), "--expect-sealed", segment.file().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).contains("FINAL record fails authentication");
    }

    private CliRun auditorVerifies() {
        return CliRun.of("verify", "--seal-key", segment.auditorKey().toString(), "--expect-sealed",
                segment.file().toString());
    }
}
