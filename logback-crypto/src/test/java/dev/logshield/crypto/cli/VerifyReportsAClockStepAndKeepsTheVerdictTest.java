package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.keys.SealState;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logcrypt verify} on a segment whose writer's clock stepped 100 seal epochs forward (real writer, real seal
 * state): one CLOCK line at the gap, and the verdict and exit code are what they would be without it, INTACT (0)
 * when closed, UNCLOSED (4) when FINAL is missing. The seal state advanced once, straight to epoch 100.
 */
class VerifyReportsAClockStepAndKeepsTheVerdictTest {

    private static final long STEP = 100;

    @TempDir
    Path dir;

    @Test
    void aClosedSteppedSegmentIsIntactWithAClockLine() throws Exception {
        SealedSegmentFile segment = SealedSegmentFile.write(dir, STEP);

        CliRun run = verify(segment);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(0);
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines).filteredOn(line -> line.startsWith("CLOCK ")).singleElement().satisfies(line ->
                assertThat(line).contains("record " + SealedSegmentFile.CLOSING_CHECKPOINT)
                        .contains("jump from 0 to " + STEP));
        assertThat(lines.get(lines.size() - 1)).contains("INTACT (exit 0)").contains("CLOCK: the writer's clock stepped");
        assertThat(SealState.load(dir.resolve("host.seal")).currentEpoch()).isEqualTo(STEP);
    }

    @Test
    void anUnclosedSteppedSegmentStaysUnclosed() throws Exception {
        SealedSegmentFile segment = SealedSegmentFile.write(dir, STEP);
        try (RandomAccessFile raf = new RandomAccessFile(segment.file().toFile(), "rw")) {
            raf.setLength(FrameOffsets.of(segment.file()).get(SealedSegmentFile.FINAL));
        }

        CliRun run = verify(segment);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.stdout()).contains("CLOCK ").contains("UNCLOSED (exit 4)");
    }

    private static CliRun verify(SealedSegmentFile segment) {
        return CliRun.of("verify", "-i", segment.reader().identityArgument(), "--seal-key",
                segment.auditorKey().toString(), "--expect-sealed", segment.file().toString());
    }
}
