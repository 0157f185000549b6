package dev.logshield.crypto.format;

import static dev.logshield.crypto.testing.FindingAssertions.assertFinding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's counters are what the file holds (frames, DATA frames, bytes, events per record up to 2^31); a
 * finished or abandoned segment takes nothing more and says which it is; time passing ({@code tick}) and closing
 * late both write ONE checkpoint for the seal epoch that ended, dated at its last millisecond, and move straight to
 * the clock's epoch (the epochs between get no checkpoint: the verifier's CLOCK gap, FORMAT.md 9.3), and ratchet the
 * record key when its period is over; a DATA record holds up to the largest payload a frame can carry, and not a
 * byte more.
 */
class SegmentWriterCountsWhatItWroteAndRefusesWorkAfterItsEndTest {

    private static final TestKek KEK = TestKek.random();
    private static final long T0 = SegmentFixture.T0;
    private static final long EPOCH_MS = SegmentFixture.EPOCH_MS;

    @TempDir
    Path dir;

    @Test
    void theCountersAreWhatTheFileHolds() throws Exception {
        SegmentFixture fixture = unsealed();
        SegmentWriter writer = fixture.writer;
        fixture.event("one\n", 1_001).event("two\n", 1_002);
        byte[] payload = "three events\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writer.writeData(payload, 0, payload.length, 0x0102_0304, 1_003);

        assertThat(writer.dataFrames()).isEqualTo(3);
        assertThat(writer.frames()).isEqualTo(4);
        assertThat(writer.bytesWritten()).isEqualTo(fixture.bytes().length);
        assertThat(writer.isFinished()).isFalse();

        fixture.close(1_004);

        assertThat(writer.isFinished()).isTrue();
        assertThat(writer.isAbandoned()).isFalse();
        assertThat(writer.bytesWritten()).isEqualTo(fixture.bytes().length);
        assertThat(SegmentBytes.parse(fixture.bytes()).frameCount()).isEqualTo(5);
        Verified verified = Verified.bytes(KEK, dir.resolve("counted.lse"), fixture.bytes());
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().events()).isEqualTo(2 + 0x0102_0304L);
    }

    @Test
    void aFinishedSegmentTakesNothingMore() throws Exception {
        SegmentFixture fixture = unsealed().close(1_001);
        SegmentWriter writer = fixture.writer;
        int length = fixture.bytes().length;

        assertThatThrownBy(() -> fixture.event("late\n", 1_002)).isInstanceOf(IllegalStateException.class)
                .hasMessage("segment already finished");
        assertThatThrownBy(() -> writer.tick(1_003)).hasMessage("segment already finished");
        assertThatThrownBy(() -> writer.finish(SegmentWriter.FinalReason.CLOSE, 1_004))
                .hasMessage("segment already finished");
        writer.abandon();

        assertThat(writer.isAbandoned()).isFalse();
        assertThat(fixture.bytes()).hasSize(length);
    }

    @Test
    void anAbandonedSegmentTakesNothingMore() throws Exception {
        SegmentFixture fixture = unsealed();
        SegmentWriter writer = fixture.writer;

        writer.abandon();

        assertThat(writer.isAbandoned()).isTrue();
        assertThat(writer.isFinished()).isFalse();
        assertThatThrownBy(() -> fixture.event("late\n", 1_002)).hasMessage("segment already abandoned");
        assertThatThrownBy(() -> writer.tick(1_003)).hasMessage("segment already abandoned");
        assertThatThrownBy(() -> writer.finish(SegmentWriter.FinalReason.CLOSE, 1_004))
                .hasMessage("segment already abandoned");
    }

    @Test
    void tickingSealsTheEpochThatEndedOnceAndMovesToTheClocksEpoch() throws Exception {
        SegmentFixture fixture = sealed();
        fixture.event("epoch 0\n", T0 + 200);

        fixture.writer.tick(T0 + EPOCH_MS - 1);
        assertThat(checkpointEpochs(fixture)).containsExactly(0L);
        fixture.writer.tick(T0 + 2 * EPOCH_MS + 5);

        assertThat(checkpointEpochs(fixture)).containsExactly(0L, 0L);
        assertThat(checkpointTimes(fixture)).containsExactly(T0 + 100, T0 + EPOCH_MS - 1);
        fixture.event("epoch 2\n", T0 + 2 * EPOCH_MS + 6).close(T0 + 2 * EPOCH_MS + 7);
        assertThat(checkpointEpochs(fixture)).containsExactly(0L, 0L, 2L);
        Verified verified = sealVerified(fixture, "ticked.lse");
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertFinding(verified, Finding.Severity.CLOCK, 0, 5, "checkpoint epochs jump from 0 to 2: seal epoch 1 has"
                + " no checkpoint");
        assertThat(verified.releasedTexts()).containsExactly("epoch 0\n", "epoch 2\n");
    }

    @Test
    void tickingRatchetsTheRecordKeyWhenItsPeriodIsOver() throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(new SegmentSettings(CipherSuite.AES_256_GCM, 0, 1, false,
                null, null), ChainLink.seriesStart(), List.of(KEK), 1_000);
        fixture.event("before\n", 1_001);

        fixture.writer.tick(1_999);
        fixture.writer.tick(2_000);

        SegmentBytes segment = SegmentBytes.parse(fixture.bytes());
        assertThat(segment.seqsOf(FrameType.EPOCH)).containsExactly(2);
        fixture.event("after\n", 2_001).close(2_002);
        assertThat(Verified.bytes(KEK, dir.resolve("ratcheted.lse"), fixture.bytes()).releasedTexts())
                .containsExactly("before\n", "after\n");
    }

    @Test
    void closingLateSealsTheEpochThatEndedOnceBeforeTheClosingCheckpoint() throws Exception {
        SegmentFixture fixture = sealed();
        fixture.event("epoch 0\n", T0 + 200);

        fixture.close(T0 + 2 * EPOCH_MS + 5);

        assertThat(checkpointEpochs(fixture)).containsExactly(0L, 0L, 2L);
        assertThat(checkpointTimes(fixture)).containsExactly(T0 + 100, T0 + EPOCH_MS - 1, T0 + 2 * EPOCH_MS + 5);
        Verified verified = sealVerified(fixture, "late.lse");
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertFinding(verified, Finding.Severity.CLOCK, 0, 4, "checkpoint epochs jump from 0 to 2: seal epoch 1 has"
                + " no checkpoint");
    }

    @Test
    void aDataRecordHoldsTheLargestPayloadAndNotAByteMore() throws Exception {
        SegmentFixture fixture = unsealed();
        byte[] payload = new byte[LseFormat.MAX_DATA_PAYLOAD + 1];
        payload[0] = 'a';
        payload[LseFormat.MAX_DATA_PAYLOAD - 1] = 'z';

        assertThatThrownBy(() -> fixture.writer.writeData(payload, 0, payload.length, 1, 1_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("payload of " + payload.length + " bytes exceeds the frame limit");
        fixture.writer.writeData(payload, 0, LseFormat.MAX_DATA_PAYLOAD, 1, 1_001);
        fixture.close(1_002);

        SegmentBytes segment = SegmentBytes.parse(fixture.bytes());
        assertThat(segment.body(1)).hasSize(LseFormat.MAX_FRAME_BODY);
        Verified verified = Verified.bytes(KEK, dir.resolve("largest.lse"), fixture.bytes());
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        String text = verified.releasedTexts().get(0);
        assertThat(text).hasSize(LseFormat.MAX_DATA_PAYLOAD).startsWith("a").endsWith("z");
    }

    @Test
    void recordsOfEverySizeReadBack() throws Exception {
        SegmentFixture fixture = unsealed();
        List<String> texts = List.of("x".repeat(300), "y".repeat(70_000), "z");
        for (String text : texts) {
            fixture.event(text, 1_001);
        }
        fixture.close(1_002);

        Verified verified = Verified.bytes(KEK, dir.resolve("sizes.lse"), fixture.bytes());

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.releasedTexts()).isEqualTo(texts);
        assertThat(fixture.writer.core()).isEqualTo(SegmentCore.decode(SegmentBytes.parse(fixture.bytes()).core()));
    }

    private static List<Long> checkpointEpochs(SegmentFixture fixture) throws Exception {
        return checkpoints(fixture).stream().map(Checkpoint::epoch).toList();
    }

    private static List<Long> checkpointTimes(SegmentFixture fixture) throws Exception {
        return checkpoints(fixture).stream().map(Checkpoint::timeMs).toList();
    }

    private static List<Checkpoint> checkpoints(SegmentFixture fixture) throws Exception {
        SegmentBytes segment = SegmentBytes.parse(fixture.bytes());
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int seq : segment.seqsOf(FrameType.CHECKPOINT)) {
            checkpoints.add(Checkpoint.decode(LseFormat.VERSION, segment.body(seq)));
        }
        return checkpoints;
    }

    /** Verified with the record key and the seal chain. */
    private Verified sealVerified(SegmentFixture fixture, String name) throws Exception {
        return Verified.bytes(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()), dir.resolve(name),
                fixture.bytes());
    }

    private static SegmentFixture unsealed() throws Exception {
        return new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.AES_256_GCM), ChainLink.seriesStart(),
                List.of(KEK), 1_000);
    }

    private static SegmentFixture sealed() throws Exception {
        return new SegmentFixture().start(SegmentFixture.sealed(SegmentFixture.sealKeys(), 0, null),
                ChainLink.seriesStart(), List.of(KEK), T0 + 100);
    }
}
