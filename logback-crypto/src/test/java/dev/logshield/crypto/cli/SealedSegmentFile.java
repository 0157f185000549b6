package dev.logshield.crypto.cli;

import dev.logshield.crypto.SealStateKeySource;
import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentSettings;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.keys.SealState;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * A sealed, closed segment written to a file by the real {@link SegmentWriter} with a real seal state, at fixed
 * times an hour in the past that span two seal epochs (so nothing depends on how fast the test runs), and the keys
 * made for the test: the reader's identity file and the auditor's seal verification key file. Frames:
 * META, CHECKPOINT (epoch 0), DATA "first", DATA "second", CHECKPOINT (epoch 0 ends), DATA "third", CHECKPOINT
 * (epoch 1, closing), FINAL.
 */
record SealedSegmentFile(Path file, ReaderKeyFiles reader, Path auditorKey) {

    /** Sequence numbers of the frames of the segment. */
    static final int FIRST_DATA = 2;
    static final int INTERMEDIATE_CHECKPOINT = 4;
    static final int LAST_DATA = 5;
    static final int CLOSING_CHECKPOINT = 6;
    static final int FINAL = 7;

    private static final int INTERVAL_SECONDS = 10;

    static SealedSegmentFile write(Path dir) throws Exception {
        ReaderKeyFiles reader = ReaderKeyFiles.create(dir, "reader");
        long origin = System.currentTimeMillis() - 3_600_000;
        SealState.Created seal = SealState.create(dir.resolve("host.seal"), origin, INTERVAL_SECONDS, new SecureRandom());
        Path auditorKey = dir.resolve("auditor.key");
        seal.verificationKey().write(auditorKey);
        Path file = dir.resolve("app.lse");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SegmentSettings settings = new SegmentSettings(CipherSuite.AES_256_GCM, 0, 0, false,
                    SealStateKeySource.of(seal.state()), null);
            SegmentWriter writer = SegmentWriter.start((bytes, offset, length) -> {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }, settings, ChainLink.seriesStart(), List.of(reader.recipient()),
                    new SegmentMetadata(Map.of(SegmentMetadata.Field.HOSTNAME, "test-host")), new SecureRandom(),
                    origin + 500);
            event(writer, "first", origin + 1_000);
            event(writer, "second", origin + 2_000);
            event(writer, "third", origin + INTERVAL_SECONDS * 1000L + 1_000);
            writer.finish(SegmentWriter.FinalReason.CLOSE, origin + INTERVAL_SECONDS * 1000L + 2_000);
        }
        return new SealedSegmentFile(file, reader, auditorKey);
    }

    /**
     * What an intruder who deletes the newest records does: cuts the file after frame {@code seq} and appends a
     * FINAL frame header ({@code 00 00 00 39 05}) and 57 random bytes, so that the segment looks closed.
     */
    void cutAfterFrameAndForgeFinal(int seq) throws Exception {
        List<Long> offsets = FrameOffsets.of(file);
        byte[] forged = new byte[5 + 0x39];
        forged[3] = 0x39;
        forged[4] = 0x05;
        byte[] random = new byte[0x39];
        new SecureRandom().nextBytes(random);
        System.arraycopy(random, 0, forged, 5, random.length);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(offsets.get(seq + 1));
            raf.seek(offsets.get(seq + 1));
            raf.write(forged);
        }
    }

    private static void event(SegmentWriter writer, String text, long nowMs) throws Exception {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        writer.writeData(bytes, 0, bytes.length, 1, nowMs);
    }
}
