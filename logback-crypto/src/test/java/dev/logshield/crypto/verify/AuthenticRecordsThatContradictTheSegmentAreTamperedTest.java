package dev.logshield.crypto.verify;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.SegmentRecordKey;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication proves who wrote a record, not that it says the right thing: a record sealed with the real record
 * key (by a reader, who holds it, or by a broken writer) is still checked for what it states. A FINAL whose count or
 * digest disagrees with the frames before it, or too short to state them; an EPOCH record that announces another
 * epoch than the next; a DATA record too short for its time and count; a META record that does not parse: each is
 * TAMPERED at that record for the reader. The exact lengths the format defines (FINAL 40 bytes or more, EPOCH 8 or
 * more, DATA 12 or more) are accepted. Frames of the small sealed segment: 0 META, 1 CHECKPOINT, 2 DATA, 3 DATA,
 * 4 CHECKPOINT, 5 EPOCH, 6 DATA, 7 CHECKPOINT (closing), 8 FINAL.
 */
class AuthenticRecordsThatContradictTheSegmentAreTamperedTest {

    private static final TestKek KEK = TestKek.random();
    private static final SealVerifier SEAL = SegmentFixture.sealVerifier();
    private static final int FIRST_DATA = 2;
    private static final int EPOCH = 5;
    private static final int FINAL = 8;

    @TempDir
    Path dir;

    @Test
    void aFinalThatCountsAnotherNumberOfFramesIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        byte[] plain = key.open(FINAL);
        ByteBuffer.wrap(plain).putLong(0, FINAL + 1);
        key.replace(FINAL, plain);

        Verified verified = reader(segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL,
                "FINAL record does not match the records before it (count 9, found 8)");
        assertThat(finding.offset()).isEqualTo(segment.offsetOf(FINAL));
    }

    @Test
    void aFinalThatStatesAnotherDigestIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        byte[] plain = key.open(FINAL);
        plain[8 + 31] ^= 1;
        key.replace(FINAL, plain);

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL,
                "FINAL record does not match the records before it (count 8, found 8)");
    }

    @Test
    void aFinalTooShortForCountAndDigestIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        key.replace(FINAL, Arrays.copyOf(key.open(FINAL), 8 + 32 - 1));

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, FINAL, "FINAL record too short");
    }

    @Test
    void aFinalOfJustCountAndDigestProvesTheClose() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        key.replace(FINAL, Arrays.copyOf(key.open(FINAL), 8 + 32));

        Verified verified = reader(segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).isEmpty();
    }

    @Test
    void anEpochRecordAnnouncingAnotherEpochIsTamperedAndLaterRecordsStillOpen() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        byte[] plain = key.open(EPOCH);
        ByteBuffer.wrap(plain).putLong(0, 5);
        key.replace(EPOCH, plain);
        key.restateFrom(EPOCH + 1, SEAL);

        Verified verified = Verified.bytes(keepGoing(), dir.resolve("segment.lse"), segment.bytes());

        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, 0, EPOCH,
                "EPOCH record announces key epoch 5 after epoch 0");
        assertThat(finding.offset()).isEqualTo(segment.offsetOf(EPOCH));
        assertThat(verified.report().findings()).hasSize(1);
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
    }

    @Test
    void anEpochRecordTooShortForAnEpochNumberIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        key.replace(EPOCH, Arrays.copyOf(key.open(EPOCH), 7));
        key.restateFrom(EPOCH + 1, SEAL);

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, EPOCH,
                "EPOCH record announces key epoch -1 after epoch 0");
    }

    @Test
    void anEpochRecordOfJustTheEpochNumberIsAccepted() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        key.replace(EPOCH, Arrays.copyOf(key.open(EPOCH), 8));
        key.restateFrom(EPOCH + 1, SEAL);

        Verified verified = reader(segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
    }

    @Test
    void aDataRecordTooShortForTimeAndCountIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        key.replace(FIRST_DATA, Arrays.copyOf(key.open(FIRST_DATA), 11));
        key.restateFrom(FIRST_DATA + 1, SEAL);

        Verified verified = Verified.bytes(keepGoing(), dir.resolve("segment.lse"), segment.bytes());

        Finding finding = assertFinding(verified, Finding.Severity.TAMPERED, 0, FIRST_DATA, "DATA record too short");
        assertThat(finding.offset()).isEqualTo(segment.offsetOf(FIRST_DATA));
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS.subList(1, 3));
        assertThat(verified.report().records()).isEqualTo(2);
    }

    @Test
    void aDataRecordWithAnEmptyPayloadIsAcceptedAndCounted() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        key.replace(FIRST_DATA, SegmentRecordKey.dataPlaintext(SegmentFixture.T0 + 1_000, 4, new byte[0]));
        key.restateFrom(FIRST_DATA + 1, SEAL);

        Verified verified = reader(segment);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.releasedTexts()).containsExactly("", "second\n", "third\n");
        assertThat(verified.report().records()).isEqualTo(3);
        assertThat(verified.report().events()).isEqualTo(4 + 1 + 1);
    }

    @Test
    void aMetaRecordThatDoesNotParseIsTampered() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        key.replace(0, "\u0001\u0000".getBytes(StandardCharsets.US_ASCII));
        key.restateFrom(1, SEAL);

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, 0, "metadata entry cut short");
    }

    @Test
    void aMetaRecordSealedAsAnotherFrameIsOutOfPlaceEvenThoughItAuthenticates() throws Exception {
        SegmentBytes segment = sealedSegment();
        SegmentRecordKey key = SegmentRecordKey.of(segment, KEK);
        segment.frames().set(FIRST_DATA, key.frame(FIRST_DATA, FrameType.META, key.open(0)));
        key.restateFrom(FIRST_DATA + 1, SEAL);

        Verified verified = reader(segment);

        assertFinding(verified, Finding.Severity.TAMPERED, 0, FIRST_DATA, "META record out of place");
        assertThat(verified.report().findings()).filteredOn(f -> f.message().contains("fails authentication"))
                .isEmpty();
    }

    private static SegmentBytes sealedSegment() throws Exception {
        return SegmentBytes.parse(SegmentFixture.smallSealedSegment(KEK));
    }

    /** The reader and the auditor: every check runs. */
    private Verified reader(SegmentBytes segment) throws Exception {
        return Verified.bytes(Verified.options(List.of(KEK), SEAL), dir.resolve("segment.lse"), segment.bytes());
    }

    /** {@link #reader}, outputting verified records past an integrity failure ({@code --force}). */
    private static SeriesVerifier.Options keepGoing() {
        return new SeriesVerifier.Options(List.of(KEK), List.of(SEAL), false, List.of(), 0, true);
    }
}
