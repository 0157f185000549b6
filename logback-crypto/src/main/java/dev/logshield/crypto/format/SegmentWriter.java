package dev.logshield.crypto.format;

import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.Stanza;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes one segment: core, key block, META, then one encrypted frame per {@link #writeData} call, EPOCH frames
 * when the record key ratchets, checkpoints when sealing, and FINAL on {@link #finish}. Keeps the running digest
 * the next segment links to. Not thread-safe: the appender calls it under its lock.
 *
 * <p>After an {@link IOException} from the sink the writer is abandoned: it never retries, the caller starts a
 * new segment (whose link is {@link #nextLink()}, the digest through the last frame that was written whole).
 */
public final class SegmentWriter {

    /** Why a segment was closed, recorded in its FINAL frame. */
    public enum FinalReason {
        CLOSE(1), ROLLOVER(2);

        private final int code;

        FinalReason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final FrameSink sink;
    private final SegmentCore core;
    private final byte[] segmentId;
    private final RecordCipher cipher;
    private final MessageDigest digest = SegmentCore.sha256();
    private final SealKeySource seal;
    private final SealClock sealClock;
    private final SegmentSettings.CheckpointListener checkpoints;
    private final int ratchetRecords;
    private final long ratchetMillis;

    private long seq;
    private long bytesWritten;
    private long dataFrames;
    private int dataInEpoch;
    private long epochStartedMs;
    private boolean finished;
    private boolean abandoned;
    private byte[] plain = new byte[512];
    private byte[] frame = new byte[512];

    private SegmentWriter(FrameSink sink, SegmentCore core, RecordCipher cipher, SegmentSettings settings, long nowMs) {
        this.sink = sink;
        this.core = core;
        this.segmentId = core.segmentId();
        this.cipher = cipher;
        this.seal = settings.seal();
        this.sealClock = seal != null ? new SealClock(seal) : null;
        this.checkpoints = settings.checkpoints();
        this.ratchetRecords = settings.ratchetRecords();
        this.ratchetMillis = settings.ratchetSeconds() * 1000L;
        this.epochStartedMs = nowMs;
    }

    /**
     * Starts a segment on {@code sink}: a fresh random data key and segment id, the data key wrapped for every
     * reader, the core linked to {@code link}, then META and (when sealing) the opening checkpoint.
     *
     * @throws KeyMaterialException when a reader's key cannot wrap (nothing has been written then)
     */
    public static SegmentWriter start(FrameSink sink, SegmentSettings settings, ChainLink link,
                                      List<DataKeyWrapper> readers, SegmentMetadata metadata, SecureRandom random,
                                      long nowMs) throws IOException, KeyMaterialException {
        if (readers.isEmpty()) {
            throw new KeyMaterialException("no recipient or key-encryption key: refusing to write a segment nobody can read");
        }
        byte[] dataKey = new byte[LseFormat.DATA_KEY_LENGTH];
        byte[] id = new byte[LseFormat.SEGMENT_ID_LENGTH];
        random.nextBytes(dataKey);
        random.nextBytes(id);
        try {
            SealKeySource seal = settings.seal();
            int flags = (seal != null ? LseFormat.FLAG_SEALED : 0) | (settings.batched() ? LseFormat.FLAG_BATCHED : 0);
            SegmentCore core = new SegmentCore(LseFormat.VERSION, settings.suite(), flags, id, nowMs, link.seriesIndex(),
                    link.previousSegmentId(), link.previousDigest(), settings.ratchetRecords(), settings.ratchetSeconds(),
                    seal != null ? seal.originMs() : 0, seal != null ? seal.intervalSeconds() : 0,
                    seal != null ? seal.chainId() : new byte[SegmentCore.SEAL_CHAIN_ID_LENGTH]);
            List<Stanza> stanzas = new ArrayList<>(readers.size());
            for (DataKeyWrapper reader : readers) {
                stanzas.add(reader.wrap(dataKey, id));
            }
            KeyBlock keyBlock = KeyBlock.seal(core, dataKey, stanzas);
            SegmentWriter writer = new SegmentWriter(sink, core, RecordCipher.forSegment(core, dataKey), settings, nowMs);
            writer.writeHeader(core.encode(), keyBlock.encode());
            writer.writeEncrypted(FrameType.META, metadata.encode(), -1);
            if (seal != null) {
                writer.openSeal(nowMs);
            }
            return writer;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public SegmentCore core() {
        return core;
    }

    /** Frames written so far (the next frame's sequence number). */
    public long frames() {
        return seq;
    }

    /** DATA frames written so far. */
    public long dataFrames() {
        return dataFrames;
    }

    /** Bytes written so far, header included. */
    public long bytesWritten() {
        return bytesWritten;
    }

    public boolean isFinished() {
        return finished;
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    /** The link for the segment that follows this one: digest through the last frame written whole. */
    public ChainLink nextLink() {
        return new ChainLink(core.seriesIndex() + 1, segmentId, digestNow());
    }

    /**
     * Why this sealing writer is not following its clock (a clock more than
     * {@link LseFormat#MAX_SEAL_ADVANCE_EPOCHS} seal epochs ahead of the seal state), as of the last frame or tick.
     */
    public Optional<String> sealClockRefusal() {
        return sealClock != null ? sealClock.refusal() : Optional.empty();
    }

    /**
     * Seals {@code length} bytes holding {@code events} encoded events into one DATA frame. When sealing, the
     * record's sealed time is {@code nowMs} clamped into the current seal epoch (see {@link SealClock}).
     */
    public void writeData(byte[] payload, int offset, int length, int events, long nowMs) throws IOException {
        ensureOpen();
        if (length > LseFormat.MAX_DATA_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + length + " bytes exceeds the frame limit");
        }
        beforeRecord(nowMs);
        int ptLength = LseFormat.DATA_PREFIX_LENGTH + length;
        ensurePlain(ptLength);
        putLong(plain, 0, sealClock != null ? sealClock.sealingTime(nowMs) : nowMs);
        plain[8] = (byte) (events >>> 24);
        plain[9] = (byte) (events >>> 16);
        plain[10] = (byte) (events >>> 8);
        plain[11] = (byte) events;
        System.arraycopy(payload, offset, plain, LseFormat.DATA_PREFIX_LENGTH, length);
        writeEncrypted(FrameType.DATA, plain, ptLength);
        dataFrames++;
        dataInEpoch++;
    }

    /**
     * Time passes: when the seal epoch has ended, writes its checkpoint and moves to the clock's epoch; ratchets the
     * record key when its period is over, so that keys are erased on time even when nothing is logged.
     */
    public void tick(long nowMs) throws IOException {
        ensureOpen();
        beforeRecord(nowMs);
    }

    /**
     * Ends the segment cleanly: when sealing, the checkpoint of an ended epoch and the closing checkpoint (which states
     * that FINAL follows and the segment's frame count, so an auditor can prove the close), then FINAL; erases the
     * record key.
     */
    public void finish(FinalReason reason, long nowMs) throws IOException {
        ensureOpen();
        try {
            if (seal != null) {
                followSealClock(nowMs);
                writeCheckpoint(seal.currentEpoch(), nowMs, true);
            }
            ByteBuffer pt = ByteBuffer.allocate(8 + LseFormat.DIGEST_LENGTH + 1);
            pt.putLong(seq).put(digestNow()).put((byte) reason.code());
            writeEncrypted(FrameType.FINAL, pt.array(), -1);
            finished = true;
        } finally {
            cipher.destroy();
        }
    }

    /** Gives up on this segment after a failure: no more frames, key erased. */
    public void abandon() {
        if (!abandoned && !finished) {
            abandoned = true;
            cipher.destroy();
        }
    }

    private void ensureOpen() {
        if (finished || abandoned) {
            throw new IllegalStateException("segment already " + (finished ? "finished" : "abandoned"));
        }
    }

    private void beforeRecord(long nowMs) throws IOException {
        if (seal != null) {
            followSealClock(nowMs);
        }
        boolean countDue = ratchetRecords > 0 && dataInEpoch >= ratchetRecords;
        boolean timeDue = ratchetMillis > 0 && nowMs - epochStartedMs >= ratchetMillis;
        if (countDue || timeDue) {
            byte[] pt = new byte[16];
            putLong(pt, 0, cipher.epoch() + 1);
            putLong(pt, 8, nowMs);
            writeEncrypted(FrameType.EPOCH, pt, -1);
            cipher.ratchet();
            dataInEpoch = 0;
            epochStartedMs = nowMs;
        }
    }

    private void openSeal(long nowMs) throws IOException {
        long target = sealClock.epochToAdvanceTo(nowMs);
        if (target > seal.currentEpoch()) {
            // epochs that passed while nothing ran: their keys are erased unused (a gap between segments)
            seal.advanceTo(target);
        }
        writeCheckpoint(seal.currentEpoch(), nowMs, false);
    }

    /**
     * When the clock has left the current seal epoch for a later one: ONE checkpoint for the current epoch (it seals
     * that epoch's records under that epoch's key before the key is erased), then ONE advance straight to the
     * clock's epoch, however many epochs passed. The epochs skipped get no checkpoint: a forward clock step shows as
     * a gap between checkpoints, which the verifier reports as CLOCK (FORMAT.md 13.2).
     */
    private void followSealClock(long nowMs) throws IOException {
        long current = seal.currentEpoch();
        long target = sealClock.epochToAdvanceTo(nowMs);
        if (target > current) {
            writeCheckpoint(current, nowMs, false);
            seal.advanceTo(target);
        }
    }

    private void writeCheckpoint(long epoch, long nowMs, boolean closing) throws IOException {
        long time = sealClock.clampInto(epoch, nowMs);
        byte[] key = seal.currentKey();
        Checkpoint checkpoint;
        try {
            Checkpoint fields = closing ? Checkpoint.closing(epoch, time, seq, digestNow())
                    : Checkpoint.running(epoch, time, seq, digestNow());
            checkpoint = fields.tagged(key, segmentId);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        writeFrame(FrameType.CHECKPOINT, checkpoint.encode());
        if (checkpoints != null) {
            checkpoints.onCheckpoint(core, checkpoint);
        }
    }

    private void writeHeader(byte[] coreBytes, byte[] keyBlock) throws IOException {
        byte[] header = new byte[coreBytes.length + keyBlock.length];
        System.arraycopy(coreBytes, 0, header, 0, coreBytes.length);
        System.arraycopy(keyBlock, 0, header, coreBytes.length, keyBlock.length);
        emit(header, header.length);
        digest.update(coreBytes);
    }

    private void writeEncrypted(FrameType type, byte[] pt, int ptLength) throws IOException {
        int length = ptLength < 0 ? pt.length : ptLength;
        int bodyLength = length + LseFormat.TAG_LENGTH;
        int total = LseFormat.FRAME_HEADER_LENGTH + bodyLength;
        ensureFrame(total);
        putHeader(bodyLength, type);
        cipher.seal(seq, type, pt, length, frame, LseFormat.FRAME_HEADER_LENGTH);
        emitFrame(total);
    }

    private void writeFrame(FrameType type, byte[] body) throws IOException {
        int total = LseFormat.FRAME_HEADER_LENGTH + body.length;
        ensureFrame(total);
        putHeader(body.length, type);
        System.arraycopy(body, 0, frame, LseFormat.FRAME_HEADER_LENGTH, body.length);
        emitFrame(total);
    }

    private void emitFrame(int total) throws IOException {
        emit(frame, total);
        digest.update(frame, 0, total);
        seq++;
    }

    private void emit(byte[] bytes, int length) throws IOException {
        try {
            sink.write(bytes, 0, length);
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        }
        bytesWritten += length;
    }

    private void putHeader(int bodyLength, FrameType type) {
        frame[0] = (byte) (bodyLength >>> 24);
        frame[1] = (byte) (bodyLength >>> 16);
        frame[2] = (byte) (bodyLength >>> 8);
        frame[3] = (byte) bodyLength;
        frame[4] = (byte) type.id();
    }

    private byte[] digestNow() {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 implementation cannot be cloned", e);
        }
    }

    private void ensurePlain(int size) {
        if (plain.length < size) {
            plain = new byte[Math.max(size, plain.length * 2)];
        }
    }

    private void ensureFrame(int size) {
        if (frame.length < size) {
            frame = new byte[Math.max(size, frame.length * 2)];
        }
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
