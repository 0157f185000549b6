package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flips every byte of a small closed sealed segment (core, key block, every frame's length, type and body:
 * META, checkpoints, DATA, EPOCH, FINAL), once inverting all its bits and once its lowest bit, for both record
 * AEADs, and verifies each copy with the record key and the auditor's seal chain. No copy verifies intact, none throws, none releases the
 * plaintext of the modified record or of any record after it, and each verdict is the one FORMAT.md gives, at the
 * right record and offset:
 * <ul>
 *   <li>core, key block length, stanza count and length, alias, wrapped key, key block MAC: tampered (1),
 *       segment header at offset 0 (except a key block length that now runs past the end of the file: a header
 *       cut short by a crash, unclosed (4));</li>
 *   <li>the stanza's type or key id: key error (3), since the reader no longer finds a stanza addressed to its
 *       key and cannot tell that from a file written for someone else;</li>
 *   <li>a frame: tampered (1) at that frame, except a length that now runs past the end of the file, which is
 *       indistinguishable from a torn tail: unclosed (4) at that frame, like a truncation there.</li>
 * </ul>
 */
class FlippedByteAnywhereIsDetectedTest {

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

    static Stream<Arguments> suitesAndMasks() {
        return Stream.of(CipherSuite.values())
                .flatMap(suite -> Stream.of(Arguments.of(suite, 0xFF), Arguments.of(suite, 0x01)));
    }

    @Test
    void theUntouchedSegmentVerifiesIntactWithEveryFrameType() throws Exception {
        Verified verified = Verified.bytes(options(), dir.resolve("intact.lse"), original);

        assertThat(verified.exitCode()).as(verified.describe()).isZero();
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
        assertThat(List.of(FrameType.values())).allSatisfy(type -> assertThat(parts.seqsOf(type)).isNotEmpty());
        assertThat(original.length).isLessThan(1_000);
    }

    @ParameterizedTest(name = "{0}, xor {1}")
    @MethodSource("suitesAndMasks")
    void everyFlippedByteGivesItsVerdictAtItsRecordAndReleasesNothingFromThere(CipherSuite suite, int mask)
            throws Exception {
        byte[] original = SegmentFixture.smallSealedSegment(KEK, suite);
        SegmentBytes parts = SegmentBytes.parse(original);
        Path file = dir.resolve("flipped.lse");
        List<String> wrong = new ArrayList<>();
        Set<Integer> verdicts = new TreeSet<>();
        for (int offset = 0; offset < original.length; offset++) {
            byte[] copy = original.clone();
            copy[offset] ^= (byte) mask;
            Expected expected = expected(parts, offset, copy);
            Verified verified;
            try {
                verified = Verified.bytes(options(), file, copy);
            } catch (Exception | Error e) {
                wrong.add("byte " + offset + ": " + e);
                continue;
            }
            verdicts.add(verified.exitCode());
            Optional<Finding> problem = verified.firstProblem();
            boolean ok = verified.exitCode() == expected.exitCode() && problem.isPresent()
                    && problem.get().seq() == expected.seq() && problem.get().offset() == expected.offset()
                    && verified.releasedTexts().equals(expected.released());
            if (!ok) {
                wrong.add("byte " + offset + " (" + expected.where() + "): expected exit " + expected.exitCode()
                        + " at record " + expected.seq() + ", offset " + expected.offset() + ", releasing "
                        + expected.released() + "; got " + verified.describe() + "\n  released "
                        + verified.releasedTexts());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(verdicts).as("every kind of verdict occurs").containsExactly(
                VerificationReport.TAMPERED, VerificationReport.KEY_ERROR, VerificationReport.UNCLOSED);
    }

    private static SeriesVerifier.Options options() {
        return Verified.options(List.of(KEK), SegmentFixture.sealVerifier());
    }

    private record Expected(String where, int exitCode, long seq, long offset, List<String> released) {
    }

    /** What FORMAT.md says the verifier reports for a flip at {@code offset}. */
    private static Expected expected(SegmentBytes parts, int offset, byte[] flipped) {
        int headerLength = parts.header().length;
        if (offset < LseFormat.CORE_LENGTH) {
            return new Expected("core", VerificationReport.TAMPERED, -1, 0, List.of());
        }
        if (offset < headerLength) {
            // key block: length(4) count(1), stanza type(1) length(2), kid(8) alias_len(1) wrapped(40), MAC(32)
            int at = offset - LseFormat.CORE_LENGTH;
            if (at < 4 && runsPastEnd(flipped, LseFormat.CORE_LENGTH, 4, LseFormat.MAX_KEY_BLOCK)) {
                return new Expected("key block length (torn header)", VerificationReport.UNCLOSED, -1, 0, List.of());
            }
            boolean address = at == 5 || (at >= 8 && at < 16);
            return address
                    ? new Expected("stanza address", VerificationReport.KEY_ERROR, -1, 0, List.of())
                    : new Expected("key block", VerificationReport.TAMPERED, -1, 0, List.of());
        }
        int seq = 0;
        while (parts.offsetOf(seq + 1) <= offset) {
            seq++;
        }
        long frameOffset = parts.offsetOf(seq);
        List<String> before = releasedBefore(parts, seq);
        String where = parts.type(seq) + " frame " + seq;
        if (offset < frameOffset + 4) {
            if (runsPastEnd(flipped, (int) frameOffset, LseFormat.FRAME_HEADER_LENGTH, LseFormat.MAX_FRAME_BODY)) {
                return new Expected(where + " length (torn)", VerificationReport.UNCLOSED, seq, frameOffset, before);
            }
            where += " length";
        }
        return new Expected(where, VerificationReport.TAMPERED, seq, frameOffset, before);
    }

    /**
     * True when the 4-byte length at {@code at} is in range but what it announces runs past the end of the file:
     * the reader sees a structure cut short by a crash.
     */
    private static boolean runsPastEnd(byte[] bytes, int at, int headerLength, int max) {
        long length = ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
        return length > 0 && length <= max && at + headerLength + length > bytes.length;
    }

    private static List<String> releasedBefore(SegmentBytes parts, int seq) {
        List<String> texts = new ArrayList<>();
        int data = 0;
        for (int i = 0; i < seq; i++) {
            if (parts.type(i) == FrameType.DATA) {
                texts.add(SegmentFixture.SMALL_SEALED_TEXTS.get(data++));
            }
        }
        return texts;
    }
}
