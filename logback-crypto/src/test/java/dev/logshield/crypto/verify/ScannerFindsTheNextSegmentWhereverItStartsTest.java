package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After bytes that are not frames the scanner resynchronises on the next valid segment header, wherever it starts:
 * past the first 64 KiB of garbage and across the boundary of its read chunks; not on a signature whose core does
 * not parse; right at the end of a header with no frames (a crash before META); and on a bare core that ends the
 * file (a crash after the core). What lies between is reported as what it is.
 */
class ScannerFindsTheNextSegmentWhereverItStartsTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void aSegmentAfterMoreThanOneChunkOfGarbageIsFound() throws Exception {
        // the first search chunk covers bytes 1 .. 65536; the next one overlaps it by the signature's length
        int garbage = 65_540;
        byte[] file = concat(filled(garbage, 'x'), closedSegment());

        Verified verified = reader(file);

        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED,
                "not an LSE file, or its header is corrupt (" + garbage + " bytes)");
        assertThat(finding.offset()).isZero();
        assertThat(verified.report().segments()).isEqualTo(1);
    }

    @Test
    void aSignatureWhoseCoreDoesNotParseIsNotASegment() throws Exception {
        byte[] falseStart = Arrays.copyOf(LseFormat.magic(), LseFormat.CORE_LENGTH);
        falseStart[LseFormat.magic().length] = (byte) LseFormat.VERSION;
        falseStart[LseFormat.magic().length + 1] = 0x7f;
        byte[] prefix = concat(filled(100, 'x'), falseStart);
        byte[] file = concat(prefix, closedSegment());

        Verified verified = reader(file);

        assertFinding(verified, Finding.Severity.TAMPERED,
                "not an LSE file, or its header is corrupt (" + prefix.length + " bytes)");
        assertThat(verified.report().findings()).filteredOn(f -> f.severity() == Finding.Severity.TAMPERED)
                .hasSize(1);
        assertThat(verified.report().segments()).isEqualTo(1);
    }

    @Test
    void aHeaderWithoutFramesThenTheRestartedSegmentAreTwoSegments() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            SegmentWriter.start((bytes, offset, length) -> {
                if (file.size() > 0) {
                    throw new IOException("simulated crash before META");
                }
                file.write(bytes, offset, length);
            }, SegmentFixture.unsealed(CipherSuite.AES_256_GCM), ChainLink.seriesStart(), List.of(KEK),
                    new SegmentMetadata(Map.of()), new SecureRandom(), 1_000);
            throw new AssertionError("the sink did not fail");
        } catch (IOException expected) {
            // the header is on disk, META is not
        }
        SegmentCore crashed = SegmentCore.decode(Arrays.copyOf(file.toByteArray(), LseFormat.CORE_LENGTH));
        // the restarted writer links to the crashed segment as it is: its core and no frame
        SegmentFixture restarted = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM),
                new ChainLink(1, crashed.segmentId(), crashed.digest()), List.of(KEK), 2_000);
        restarted.event("after the restart\n", 2_001).close(2_002);

        Verified verified = reader(concat(file.toByteArray(), restarted.bytes()));

        assertThat(verified.report().segments()).as(verified.describe()).isEqualTo(2);
        assertThat(verified.report().has(Finding.Severity.TAMPERED)).as(verified.describe()).isFalse();
        assertFinding(verified, Finding.Severity.UNCLOSED, 0, 0, "segment not closed (0 records)");
        assertThat(verified.releasedTexts()).containsExactly("after the restart\n");
    }

    @Test
    void aBareCoreAtTheEndAfterGarbageIsAHeaderCutShort() throws Exception {
        byte[] segment = unclosedSegment();
        byte[] core = Arrays.copyOf(segment, LseFormat.CORE_LENGTH);
        byte[] file = concat(concat(segment, filled(40, 'x')), core);

        Verified verified = reader(file);

        assertFinding(verified, Finding.Severity.TAMPERED, "40 byte(s) after the last whole record: not valid records");
        Finding torn = assertFinding(verified, Finding.Severity.UNCLOSED, "segment header cut short (128 bytes)");
        assertThat(torn.offset()).isEqualTo(segment.length + 40);
    }

    @Test
    void aWholeSignatureAfterFinalIsAHeaderCutShort() throws Exception {
        byte[] segment = closedSegment();

        Verified verified = reader(concat(segment, LseFormat.magic()));

        Finding torn = assertFinding(verified, Finding.Severity.UNCLOSED,
                "segment header cut short (8 bytes): crash while starting a segment");
        assertThat(torn.offset()).isEqualTo(segment.length);
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
    }

    @Test
    void aRestartedCoreThatEndsTheFileInsideAFrameIsFound() throws Exception {
        SegmentFixture crashed = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM),
                ChainLink.seriesStart(), List.of(KEK), 1_000).event("before the crash\n", 1_001);
        SegmentFixture restarted = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM),
                crashed.writer.nextLink(), List.of(KEK), 2_000);
        byte[] restartedCore = Arrays.copyOf(restarted.bytes(), LseFormat.CORE_LENGTH);
        // a torn frame whose announced length covers the restarted writer's core, which a crash cut right after it
        byte[] torn = ByteBuffer.allocate(5 + 20).putInt(20 + LseFormat.CORE_LENGTH).put((byte) 1)
                .put(filled(20, 'x')).array();
        byte[] file = concat(concat(crashed.bytes(), torn), restartedCore);

        Verified verified = Verified.bytes(Verified.options(List.of(), null), dir.resolve("scanned.lse"), file);

        assertFinding(verified, Finding.Severity.UNCLOSED, 0, 2,
                "25 byte(s) after the last whole record: torn tail (a write cut short by a crash); the writer"
                        + " restarted after it");
        assertFinding(verified, Finding.Severity.UNCLOSED, "segment header cut short (128 bytes)");
        assertThat(verified.report().has(Finding.Severity.TAMPERED)).as(verified.describe()).isFalse();
    }

    @Test
    void aKeyBlockOfTheLargestLengthIsReadAndOneByteMoreIsNot() throws Exception {
        byte[] segment = closedSegment();
        int keyBlockLength = ByteBuffer.wrap(segment, LseFormat.CORE_LENGTH, 4).getInt();
        byte[] frames = Arrays.copyOfRange(segment, LseFormat.CORE_LENGTH + 4 + keyBlockLength, segment.length);

        for (int length : new int[] {LseFormat.MAX_KEY_BLOCK, LseFormat.MAX_KEY_BLOCK + 1}) {
            // one stanza of another reader's type, as large as the key block's length allows
            int stanza = length - 1 - 3 - LseFormat.DIGEST_LENGTH;
            ByteBuffer header = ByteBuffer.allocate(LseFormat.CORE_LENGTH + 4 + length)
                    .put(segment, 0, LseFormat.CORE_LENGTH).putInt(length).put((byte) 1).put((byte) 7)
                    .putShort((short) stanza);
            byte[] file = concat(header.array(), frames);

            Verified verified = Verified.bytes(Verified.options(List.of(), null), dir.resolve("scanned.lse"), file);

            assertThat(verified.report().segments()).as(verified.describe())
                    .isEqualTo(length == LseFormat.MAX_KEY_BLOCK ? 1 : 0);
            assertThat(verified.report().has(Finding.Severity.TAMPERED)).as(verified.describe())
                    .isEqualTo(length > LseFormat.MAX_KEY_BLOCK);
        }
    }

    private Verified reader(byte[] file) throws Exception {
        return Verified.bytes(KEK, dir.resolve("scanned.lse"), file);
    }

    private static byte[] closedSegment() throws Exception {
        return SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 2);
    }

    private static byte[] unclosedSegment() throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM),
                ChainLink.seriesStart(), List.of(KEK), 1_000);
        return fixture.event("still being written\n", 1_001).bytes();
    }

    private static byte[] filled(int n, char c) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
