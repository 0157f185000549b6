package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes at the end of a segment or a file that are not whole frames are a crash's leftovers (UNCLOSED) only when
 * they can be: the start of a frame whose plausible header announces more than is there (up to the largest frame
 * body), or the start of a segment header whose key block runs past the end. Anything else is TAMPERED: five bytes
 * whose type is no frame type, a header whose key-block length is beyond the format's limit, a whole header whose
 * key block does not parse. A frame cut short, then a restarted writer's segment inside what the frame announced,
 * is a torn tail followed by a segment that links.
 */
class TailBytesAreTornOrGarbageByWhatTheyHoldTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void fiveBytesWithAnUnknownFrameTypeAreGarbage() throws Exception {
        byte[] segment = unclosedSegment().bytes();

        Verified verified = reader(concat(segment, new byte[] {0, 0, 0, 0x10, 0x7f}));

        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED,
                "5 byte(s) after the last whole record: not valid records");
        assertThat(finding.offset()).isEqualTo(segment.length);
    }

    @Test
    void theStartOfTheLargestPossibleFrameIsATornTail() throws Exception {
        byte[] segment = unclosedSegment().bytes();
        byte[] start = ByteBuffer.allocate(15).putInt(LseFormat.MAX_FRAME_BODY).put((byte) FrameType.DATA.id())
                .put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}).array();

        Verified verified = reader(concat(segment, start));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertFinding(verified, Finding.Severity.UNCLOSED, "15 byte(s) after the last whole record: torn tail");
    }

    @Test
    void aFrameCutShortThenTheRestartedSegmentIsATornTailThatLinks() throws Exception {
        SegmentFixture crashed = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM),
                ChainLink.seriesStart(), List.of(KEK), 1_000);
        crashed.event("before the crash\n", 1_001).event("x".repeat(100_000), 1_002);
        SegmentBytes written = SegmentBytes.parse(crashed.bytes());
        int big = written.frameCount() - 1;
        SegmentCore core = SegmentCore.decode(written.core());
        byte[] torn = Arrays.copyOf(written.bytes(), (int) written.offsetOf(big) + 50);
        SegmentFixture restarted = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM),
                new ChainLink(1, core.segmentId(), written.digestBefore(big)), List.of(KEK), 2_000);
        restarted.event("after the restart\n", 2_001).close(2_002);

        Verified verified = reader(concat(torn, restarted.bytes()));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        Finding tail = assertFinding(verified, Finding.Severity.UNCLOSED, 0, big,
                "50 byte(s) after the last whole record: torn tail (a write cut short by a crash); the writer restarted"
                        + " after it");
        assertThat(tail.offset()).isEqualTo(written.offsetOf(big));
        assertThat(verified.report().segments()).isEqualTo(2);
        assertThat(verified.releasedTexts()).containsExactly("before the crash\n", "after the restart\n");
    }

    @Test
    void aHeaderWithAKeyBlockLengthBeyondTheLimitIsGarbage() throws Exception {
        for (int length : new int[] {0x0001_0040, 0x0100_0040}) {
            byte[] header = ByteBuffer.allocate(LseFormat.CORE_LENGTH + 4 + 20).put(core()).putInt(length).array();

            Verified verified = reader(header);

            assertThat(verified.exitCode()).as("key block length %x: %s", length, verified.describe())
                    .isEqualTo(VerificationReport.TAMPERED);
            assertFinding(verified, Finding.Severity.TAMPERED, "not an LSE file, or its header is corrupt (152 bytes)");
        }
    }

    @Test
    void aHeaderCutShortInItsSmallestKeyBlockIsTorn() throws Exception {
        byte[] header = ByteBuffer.allocate(LseFormat.CORE_LENGTH + 4 + 20).put(core()).putInt(33).array();

        Verified verified = reader(header);

        assertFinding(verified, Finding.Severity.UNCLOSED, "segment header cut short (152 bytes)");
    }

    @Test
    void aHeaderCutShortInTheLargestKeyBlockIsTorn() throws Exception {
        byte[] header = ByteBuffer.allocate(LseFormat.CORE_LENGTH + 4 + 200).put(core())
                .putInt(LseFormat.MAX_KEY_BLOCK).array();

        Verified verified = reader(header);

        assertFinding(verified, Finding.Severity.UNCLOSED, "segment header cut short (332 bytes)");
    }

    @Test
    void aCoreThatDoesNotParseFollowedByItsKeyBlockLengthIsGarbage() throws Exception {
        byte[] header = ByteBuffer.allocate(LseFormat.CORE_LENGTH + 4).put(core()).putInt(100).array();
        header[LseFormat.magic().length + 2] = (byte) 0x80;

        Verified verified = reader(header);

        assertFinding(verified, Finding.Severity.TAMPERED, "not an LSE file, or its header is corrupt (132 bytes)");
    }

    @Test
    void zerosBeyondOneReadChunkAreAZeroFilledTail() throws Exception {
        byte[] segment = unclosedSegment().bytes();

        Verified verified = reader(concat(segment, new byte[70_000]));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertFinding(verified, Finding.Severity.UNCLOSED, "70000 byte(s) after the last whole record: zero-filled tail");
    }

    @Test
    void aWholeHeaderWhoseKeyBlockDoesNotParseIsGarbage() throws Exception {
        // a key block of 33 bytes has room for its count and MAC only: a count of 0 stanzas does not parse
        byte[] header = ByteBuffer.allocate(LseFormat.CORE_LENGTH + 4 + 33).put(core()).putInt(33).array();

        Verified verified = reader(header);

        assertFinding(verified, Finding.Severity.TAMPERED, "not an LSE file, or its header is corrupt (165 bytes)");
    }

    private Verified reader(byte[] file) throws Exception {
        return Verified.bytes(KEK, dir.resolve("tail.lse"), file);
    }

    private static SegmentFixture unclosedSegment() throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM),
                ChainLink.seriesStart(), List.of(KEK), 1_000);
        return fixture.event("still being written\n", 1_001);
    }

    private static byte[] core() throws Exception {
        return Arrays.copyOf(unclosedSegment().bytes(), LseFormat.CORE_LENGTH);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
