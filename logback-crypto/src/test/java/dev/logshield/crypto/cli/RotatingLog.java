package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.SealKeySource;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentSettings;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.keys.DataKeyWrapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an LSE series the way a rolling appender does, with {@link SegmentWriter} straight onto a
 * {@link FileChannel}: one segment per file, each frame one write; {@link #rotate()} closes the segment with FINAL,
 * renames the file to {@code <name>.1}, {@code .2}, ... and starts a linked segment in a new file at the path.
 */
final class RotatingLog implements AutoCloseable {

    private final Path active;
    private final List<DataKeyWrapper> readers;
    private final SegmentSettings settings;
    private final List<Path> rotated = new ArrayList<>();
    private FileChannel channel;
    private SegmentWriter writer;
    private int splitEvery;
    private long splitPauseMillis;
    private long writes;

    /**
     * @param seal        the host's seal key for checkpoints, or null for unsealed segments
     * @param checkpoints told about every checkpoint (to write anchors), or null
     */
    RotatingLog(Path active, List<DataKeyWrapper> readers, SealKeySource seal,
                SegmentSettings.CheckpointListener checkpoints) throws Exception {
        this.active = active;
        this.readers = List.copyOf(readers);
        this.settings = new SegmentSettings(CipherSuite.AES_256_GCM, 0, 0, false, seal, checkpoints);
        open(ChainLink.seriesStart());
    }

    RotatingLog(Path active, DataKeyWrapper reader) throws Exception {
        this(active, List.of(reader), null, null);
    }

    private RotatingLog(Path active, List<DataKeyWrapper> readers, ChainLink link) throws Exception {
        this.active = active;
        this.readers = List.copyOf(readers);
        this.settings = new SegmentSettings(CipherSuite.AES_256_GCM, 0, 0, false, null, null);
        open(link);
    }

    /** A log whose first segment continues a series at {@code link} (a writer restarting after a crash). */
    static RotatingLog continuing(Path active, List<DataKeyWrapper> readers, ChainLink link) throws Exception {
        return new RotatingLog(active, readers, link);
    }

    /**
     * From now on every {@code n}th frame reaches the file in two writes {@code pauseMillis} apart, so that a
     * reader sees it half written.
     */
    void splitEveryNthFrame(int n, long pauseMillis) {
        this.splitEvery = n;
        this.splitPauseMillis = pauseMillis;
    }

    /** Writes one event (a line). */
    void log(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        writer.writeData(bytes, 0, bytes.length, 1, System.currentTimeMillis());
    }

    /** Closes the active file's segment, renames the file aside and starts the next one; returns the rotated file. */
    Path rotate() throws Exception {
        writer.finish(SegmentWriter.FinalReason.ROLLOVER, System.currentTimeMillis());
        ChainLink link = writer.nextLink();
        channel.close();
        Path aside = active.resolveSibling(active.getFileName() + "." + (rotated.size() + 1));
        Files.move(active, aside);
        rotated.add(aside);
        open(link);
        return aside;
    }

    /** Every file of the series, oldest first (the active file last). */
    List<Path> files() {
        List<Path> all = new ArrayList<>(rotated);
        all.add(active);
        return all;
    }

    /** Closes the last segment cleanly (FINAL). */
    @Override
    public void close() throws IOException {
        if (!writer.isFinished()) {
            writer.finish(SegmentWriter.FinalReason.CLOSE, System.currentTimeMillis());
        }
        channel.close();
    }

    /** Stops writing without FINAL, as a crash does. */
    void crash() throws IOException {
        writer.abandon();
        channel.close();
    }

    private void open(ChainLink link) throws Exception {
        channel = FileChannel.open(active, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileChannel target = channel;
        writer = SegmentWriter.start((bytes, offset, length) -> write(target, bytes, offset, length), settings, link, readers, new SegmentMetadata(Map.of(SegmentMetadata.Field.HOSTNAME, "test-host")),
                new SecureRandom(), System.currentTimeMillis());
    }

    private void write(FileChannel target, byte[] bytes, int offset, int length) throws IOException {
        writes++;
        if (splitEvery > 0 && writes % splitEvery == 0 && length > 1) {
            writeFully(target, bytes, offset, length / 2);
            try {
                Thread.sleep(splitPauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted between the halves of a frame", e);
            }
            writeFully(target, bytes, offset + length / 2, length - length / 2);
        } else {
            writeFully(target, bytes, offset, length);
        }
    }

    private static void writeFully(FileChannel target, byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
    }
}
