package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.CountingRandom;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer ratchets the record key when a key epoch is over, after a number of DATA records or a time, and says
 * so with an EPOCH record sealed under the old key just before the first record of the new epoch; the EPOCH
 * record carries the new epoch number and the time. The segment verifies intact.
 */
class EpochRecordsFollowTheRatchetPeriodTest {

    private static final TestKek KEK = TestKek.random();
    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void withThreeRecordsPerEpochAnEpochRecordPrecedesEveryFourthRecord() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentWriter writer = start(out, new SegmentSettings(CipherSuite.AES_256_GCM, 3, 0, false, null, null));
        for (int i = 0; i < 7; i++) {
            write(writer, "event " + i + "\n", NOW + i);
        }
        writer.finish(SegmentWriter.FinalReason.CLOSE, NOW + 100);
        SegmentBytes segment = SegmentBytes.parse(out.toByteArray());

        assertThat(types(segment)).containsExactly(FrameType.META,
                FrameType.DATA, FrameType.DATA, FrameType.DATA, FrameType.EPOCH,
                FrameType.DATA, FrameType.DATA, FrameType.DATA, FrameType.EPOCH,
                FrameType.DATA, FrameType.FINAL);
        assertThat(epochRecords(segment)).containsExactly(new long[] {1, NOW + 3}, new long[] {2, NOW + 6});
        assertThat(Verified.bytes(KEK, dir.resolve("count.lse"), out.toByteArray()).exitCode()).isZero();
    }

    @Test
    void withAOneMinuteEpochTheKeyRatchetsBeforeTheFirstRecordAfterTheMinute() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmentWriter writer = start(out, new SegmentSettings(CipherSuite.AES_256_GCM, 0, 60, false, null, null));
        write(writer, "at 0 s\n", NOW);
        write(writer, "at 59 s\n", NOW + 59_999);
        write(writer, "at 60 s\n", NOW + 60_000);
        writer.finish(SegmentWriter.FinalReason.CLOSE, NOW + 60_001);
        SegmentBytes segment = SegmentBytes.parse(out.toByteArray());

        assertThat(types(segment)).containsExactly(FrameType.META, FrameType.DATA, FrameType.DATA, FrameType.EPOCH,
                FrameType.DATA, FrameType.FINAL);
        assertThat(epochRecords(segment)).containsExactly(new long[] {1, NOW + 60_000});
        assertThat(Verified.bytes(KEK, dir.resolve("time.lse"), out.toByteArray()).exitCode()).isZero();
    }

    /** The writer's data key is the first 32 bytes of a {@link CountingRandom} from 0: 00 01 .. 1f. */
    private static SegmentWriter start(ByteArrayOutputStream out, SegmentSettings settings) throws Exception {
        return SegmentWriter.start(out::write, settings, ChainLink.seriesStart(), List.of(KEK),
                new SegmentMetadata(Map.of()), new CountingRandom(0), NOW);
    }

    private static void write(SegmentWriter writer, String text, long nowMs) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writer.writeData(bytes, 0, bytes.length, 1, nowMs);
    }

    private static List<FrameType> types(SegmentBytes segment) {
        List<FrameType> types = new ArrayList<>();
        for (int seq = 0; seq < segment.frameCount(); seq++) {
            types.add(segment.type(seq));
        }
        return types;
    }

    /** (new epoch, time) of every EPOCH record, opened with the key schedule from the known data key. */
    private static List<long[]> epochRecords(SegmentBytes segment) throws Exception {
        byte[] dataKey = new byte[32];
        new CountingRandom(0).nextBytes(dataKey);
        RecordCipher reader = RecordCipher.forSegment(SegmentCore.decode(segment.core()), dataKey);
        List<long[]> epochs = new ArrayList<>();
        for (int seq = 0; seq < segment.frameCount(); seq++) {
            byte[] body = segment.body(seq);
            byte[] plain = reader.open(seq, segment.type(seq), body, 0, body.length);
            if (segment.type(seq) == FrameType.EPOCH) {
                ByteBuffer in = ByteBuffer.wrap(plain);
                epochs.add(new long[] {in.getLong(), in.getLong()});
                reader.ratchet();
            }
        }
        return epochs;
    }
}
