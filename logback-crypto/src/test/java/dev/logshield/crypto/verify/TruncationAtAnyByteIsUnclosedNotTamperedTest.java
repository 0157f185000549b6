package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cuts a small closed sealed segment at every byte offset, as a crash or a truncation would. Every cut verifies
 * as unclosed (exit 4), never as tampered and never intact, without an exception; the finding says where the
 * segment stops (the number of whole records and the offset of the first missing byte), and every record before
 * the cut is still decrypted.
 */
class TruncationAtAnyByteIsUnclosedNotTamperedTest {

    private static final TestKek KEK = new TestKek(new byte[32]);

    private static byte[] original;
    private static SegmentBytes parts;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeSegment() throws Exception {
        original = SegmentFixture.smallSealedSegment(KEK);
        parts = SegmentBytes.parse(original);
    }

    @Test
    void everyCutIsUnclosedWhereItIsAndKeepsTheRecordsBeforeIt() throws Exception {
        Path file = dir.resolve("cut.lse");
        int headerLength = parts.header().length;
        List<String> wrong = new ArrayList<>();
        for (int cut = 0; cut < original.length; cut++) {
            Verified verified;
            try {
                verified = Verified.bytes(options(), file, Arrays.copyOf(original, cut));
            } catch (Exception | Error e) {
                wrong.add("cut at " + cut + ": " + e);
                continue;
            }
            long seq;
            long offset;
            if (cut < headerLength) {
                seq = -1;
                offset = 0;
            } else {
                int whole = wholeFramesBefore(cut);
                seq = whole;
                offset = parts.offsetOf(whole);
            }
            Optional<Finding> problem = verified.firstProblem();
            boolean ok = verified.exitCode() == VerificationReport.UNCLOSED
                    && problem.isPresent() && problem.get().severity() == Finding.Severity.UNCLOSED
                    && problem.get().seq() == seq && problem.get().offset() == offset
                    && verified.releasedTexts().equals(textsBefore(cut));
            if (!ok) {
                wrong.add("cut at " + cut + ": expected unclosed at record " + seq + ", offset " + offset
                        + ", releasing " + textsBefore(cut) + "; got " + verified.describe() + "\n  released "
                        + verified.releasedTexts());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theWholeSegmentIsIntact() throws Exception {
        Verified verified = Verified.bytes(options(), dir.resolve("whole.lse"), original);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
    }

    @Test
    void removingOnlyFinalLeavesAnUnclosedSegmentWithEveryRecord() throws Exception {
        int fin = parts.seqsOf(FrameType.FINAL).get(0);
        byte[] withoutFinal = Arrays.copyOf(original, (int) parts.offsetOf(fin));

        Verified verified = Verified.bytes(options(), dir.resolve("nofinal.lse"), withoutFinal);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.report().has(Finding.Severity.TAMPERED)).isFalse();
        assertThat(verified.first(Finding.Severity.UNCLOSED).seq()).isEqualTo(fin);
        assertThat(verified.first(Finding.Severity.UNCLOSED).offset()).isEqualTo(withoutFinal.length);
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
    }

    @Test
    void anEmptyFileIsUnclosed() throws Exception {
        Verified verified = Verified.bytes(options(), dir.resolve("empty.lse"), new byte[0]);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.report().findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("empty file"));
    }

    @Test
    void aHeaderOnlyFileIsAnUnclosedSegmentWithoutRecords() throws Exception {
        Verified verified = Verified.bytes(options(), dir.resolve("header.lse"), parts.header());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.report().segments()).isEqualTo(1);
        assertThat(verified.first(Finding.Severity.UNCLOSED).seq()).isZero();
        assertThat(verified.first(Finding.Severity.UNCLOSED).offset()).isEqualTo(parts.header().length);
        assertThat(verified.released()).isEmpty();
    }

    private static SeriesVerifier.Options options() {
        return Verified.options(List.of(KEK), SegmentFixture.sealVerifier());
    }

    private static int wholeFramesBefore(int cut) {
        int whole = 0;
        while (whole < parts.frameCount() && parts.offsetOf(whole + 1) <= cut) {
            whole++;
        }
        return whole;
    }

    private static List<String> textsBefore(int cut) {
        List<String> texts = new ArrayList<>();
        if (cut < parts.header().length) {
            return texts;
        }
        int whole = wholeFramesBefore(cut);
        int data = 0;
        for (int i = 0; i < whole; i++) {
            if (parts.type(i) == FrameType.DATA) {
                texts.add(SegmentFixture.SMALL_SEALED_TEXTS.get(data++));
            }
        }
        return texts;
    }
}
