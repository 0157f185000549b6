package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor, holding only the seal seed, is never told INTACT about a sealed version 2 segment in which a byte of
 * the core or of any frame up to the closing checkpoint was changed: the digests at the checkpoints, the checkpoint
 * tags and the closing rules catch each one. Two regions are out of its reach by design (FORMAT.md §4, §15): the key
 * block, which is in no digest so that rewrap can replace it (the record key's header MAC covers it), and the body
 * of the FINAL frame, which follows the closing checkpoint and only the record key can authenticate.
 */
class FlippedByteIsNeverIntactForTheAuditorTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void everyFlippedByteOutsideTheKeyBlockAndFinalsBodyIsCaught() throws Exception {
        byte[] original = SegmentFixture.smallSealedSegment(KEK);
        SegmentBytes parts = SegmentBytes.parse(original);
        int keyBlockEnd = parts.header().length;
        long finalBody = parts.offsetOf(parts.frameCount() - 1) + LseFormat.FRAME_HEADER_LENGTH;
        Path file = dir.resolve("flipped.lse");
        List<String> wrong = new ArrayList<>();
        for (int offset = 0; offset < original.length; offset++) {
            if (offset >= LseFormat.CORE_LENGTH && offset < keyBlockEnd) {
                continue;
            }
            byte[] copy = original.clone();
            copy[offset] ^= (byte) 0xFF;
            Verified verified = Verified.bytes(Verified.options(List.of(), SegmentFixture.sealVerifier()), file, copy);
            boolean intact = verified.exitCode() == VerificationReport.INTACT;
            if (intact != (offset >= finalBody)) {
                wrong.add("byte " + offset + ": " + verified.describe());
            }
        }

        assertThat(wrong).isEmpty();
    }
}
