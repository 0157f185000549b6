package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.testing.FormatDocument;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealVerifier;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version 1 has no closing checkpoint, and its FINAL is encrypted: without the record key nothing proves that a
 * version 1 segment was closed. FORMAT.md's version 1 vectors (an unsealed and a sealed file, read from the
 * document's hex) are UNCLOSED (4) with no key and with the seal seed alone, never INTACT, and INTACT with the
 * record key as before. A forged FINAL after a truncation is TAMPERED for the auditor where the rules of version 1
 * can tell (no checkpoint right before FINAL), UNCLOSED where they cannot.
 */
class Version1FileClosureNeedsTheReaderKeyTest {

    private static final TestKek KEK = new TestKek(FormatDocument.counting(0x40, 32), "logs");
    private static final TestSealVerifier SEAL = new TestSealVerifier(FormatDocument.counting(0xc0, 32),
            1_700_000_000_000L, 10);

    @TempDir
    Path dir;

    @Test
    void withoutAnyKeyBothVectorsAreUnclosed() throws Exception {
        for (String vector : List.of("lse-vector-1", "lse-vector-2")) {
            Verified verified = verify(vector, Verified.options(List.of(), null));

            assertUnclosedWithoutAReaderKey(verified);
        }
    }

    @Test
    void withTheSealSeedAloneTheSealedVectorIsUnclosed() throws Exception {
        Verified verified = verify("lse-vector-2", new SeriesVerifier.Options(List.of(), List.of(SEAL), true, List.of(), 0,
                false));

        assertUnclosedWithoutAReaderKey(verified);
        assertThat(verified.report().checkpoints()).isEqualTo(3);
    }

    @Test
    void withTheRecordKeyBothVectorsAreIntactAsBefore() throws Exception {
        assertThat(verify("lse-vector-1", Verified.options(List.of(KEK), null)).exitCode())
                .isEqualTo(VerificationReport.INTACT);
        assertThat(verify("lse-vector-2", Verified.options(List.of(KEK), SEAL)).exitCode())
                .isEqualTo(VerificationReport.INTACT);
    }

    @Test
    void aForgedFinalRightAfterARecordIsTamperedForTheAuditor() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(FormatDocument.bytes("lse-vector-2"));
        forgeFinalAfter(segment, segment.seqsOf(FrameType.DATA).get(0));

        Verified verified = Verified.bytes(Verified.options(List.of(), SEAL), dir.resolve("forged.lse"),
                segment.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(verified.firstProblem().orElseThrow().message()).contains("closes without a final checkpoint");
    }

    @Test
    void aForgedFinalRightAfterACheckpointIsUnclosedForTheAuditorNeverIntact() throws Exception {
        SegmentBytes segment = SegmentBytes.parse(FormatDocument.bytes("lse-vector-2"));
        forgeFinalAfter(segment, segment.seqsOf(FrameType.CHECKPOINT).get(1));

        Verified verified = Verified.bytes(Verified.options(List.of(), SEAL), dir.resolve("forged.lse"),
                segment.bytes());

        assertUnclosedWithoutAReaderKey(verified);
    }

    private Verified verify(String vector, SeriesVerifier.Options options) throws Exception {
        return Verified.bytes(options, dir.resolve(vector + ".lse"), FormatDocument.bytes(vector));
    }

    /** Cuts the segment after frame {@code seq} and appends a FINAL frame of 57 random bytes. */
    private static void forgeFinalAfter(SegmentBytes segment, int seq) {
        while (segment.frameCount() > seq + 1) {
            segment.frames().remove(seq + 1);
        }
        byte[] body = new byte[57];
        new SecureRandom().nextBytes(body);
        segment.frames().add(SegmentBytes.frameOf(FrameType.FINAL, body));
    }

    private static void assertUnclosedWithoutAReaderKey(Verified verified) {
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.first(Finding.Severity.UNCLOSED).message())
                .contains("closure not provable without a reader key");
    }
}
