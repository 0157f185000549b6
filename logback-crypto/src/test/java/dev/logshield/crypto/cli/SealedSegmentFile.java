package dev.logshield.crypto.cli;

import dev.logshield.crypto.SealStateKeySource;
import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.Hex;
import dev.logshield.crypto.format.SealKeySource;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentSettings;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.keys.SealState;
import dev.logshield.crypto.keys.SealVerificationKey;
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
        return write(dir, 1);
    }

    /**
     * The same frames with DATA "third" and the close in seal epoch {@code thirdEpoch} (1 to 300): past 1, the
     * writer's clock stepped forward over epochs 1 to {@code thirdEpoch - 1}, which get no checkpoint.
     */
    static SealedSegmentFile write(Path dir, long thirdEpoch) throws Exception {
        ReaderKeyFiles reader = ReaderKeyFiles.create(dir, "reader");
        long origin = System.currentTimeMillis() - 3_600_000;
        SealState.Created seal = SealState.create(dir.resolve("host.seal"), origin, INTERVAL_SECONDS, new SecureRandom());
        Path auditorKey = dir.resolve("auditor.key");
        seal.verificationKey().write(auditorKey);
        Path file = dir.resolve("app.lse");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            SegmentWriter writer = start(channel, SealStateKeySource.of(seal.state()), ChainLink.seriesStart(),
                    reader, origin + 500);
            event(writer, "first", origin + 1_000);
            event(writer, "second", origin + 2_000);
            event(writer, "third", origin + thirdEpoch * INTERVAL_SECONDS * 1000L + 1_000);
            writer.finish(SegmentWriter.FinalReason.CLOSE, origin + thirdEpoch * INTERVAL_SECONDS * 1000L + 2_000);
        }
        return new SealedSegmentFile(file, reader, auditorKey);
    }

    /**
     * What a forger holding only the reader's public key (a recipient is public) writes: a closed segment appended
     * after the last one and linked to it (found by scanning the file, as a restarting writer does), encrypted to
     * the reader, with one event "forged", sealed with a seal chain of the forger's own making when {@code sealed}.
     * Returns the hex id of that chain, or null when the segment is not sealed.
     */
    String appendForgedSegment(boolean sealed) throws Exception {
        long now = System.currentTimeMillis();
        SealState.Created forgers = sealed ? SealState.create(file.resolveSibling("forger.seal"), now - 3_600_000,
                INTERVAL_SECONDS, new SecureRandom()) : null;
        ChainLink link = FrameOffsets.linkAfter(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
            SegmentWriter writer = start(channel, forgers == null ? null : SealStateKeySource.of(forgers.state()),
                    link, reader, now);
            event(writer, "forged", now);
            writer.finish(SegmentWriter.FinalReason.CLOSE, now);
        }
        return forgers == null ? null : Hex.of(forgers.state().chainId());
    }

    /** The hex id of the host's seal chain, as the auditor's key names it. */
    String hostChain() throws Exception {
        return Hex.of(SealVerificationKey.read(auditorKey).chainId());
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

    private static SegmentWriter start(FileChannel channel, SealKeySource seal, ChainLink link, ReaderKeyFiles reader,
                                       long nowMs) throws Exception {
        SegmentSettings settings = new SegmentSettings(CipherSuite.AES_256_GCM, 0, 0, false, seal, null);
        return SegmentWriter.start((bytes, offset, length) -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }, settings, link, List.of(reader.recipient()),
                new SegmentMetadata(Map.of(SegmentMetadata.Field.HOSTNAME, "test-host")), new SecureRandom(), nowMs);
    }

    private static void event(SegmentWriter writer, String text, long nowMs) throws Exception {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        writer.writeData(bytes, 0, bytes.length, 1, nowMs);
    }
}
