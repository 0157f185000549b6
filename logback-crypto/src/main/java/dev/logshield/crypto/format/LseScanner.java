package dev.logshield.crypto.format;

import java.io.IOException;
import dev.logshield.crypto.format.ScanItem.Tail;
import java.security.MessageDigest;

/**
 * Walks the structure of an LSE file without any key: segment headers, frames, running digests, and the bytes
 * that are not frames (torn, zero-filled or garbage tails), resynchronising on the next segment signature. The
 * writer uses it after a restart to link a new segment to the old one; readers and verifiers build on it.
 *
 * <p>{@link #next()} never consumes a partial frame: at the end of the data it returns
 * {@link ScanItem.EndOfData} and can be called again when the file has grown (follow mode); a reader that is done
 * calls {@link #finish()} to classify what is left.
 */
public final class LseScanner {

    /** Bytes of a frame's length field. */
    private static final int LENGTH_FIELD = 4;

    private final ByteSource source;
    private long position;
    private SegmentCore core;
    private byte[] segmentId;
    private long seq;
    private FrameType lastType;
    private MessageDigest digest;

    public LseScanner(ByteSource source) {
        this.source = source;
    }

    /** Offset of the next unread byte. */
    public long position() {
        return position;
    }

    /** The next item, or null at the end of a file whose last segment ended cleanly at a boundary. */
    public ScanItem next() throws IOException {
        long size = source.size();
        if (core == null) {
            return nextSegment(size);
        }
        if (position == size) {
            return new ScanItem.EndOfData(position, 0);
        }
        if (startsWithMagic(position, size)) {
            return endSegment(null);
        }
        if (size - position < LseFormat.FRAME_HEADER_LENGTH) {
            return restartWithin(position, size, false);
        }
        byte[] header = read(position, LseFormat.FRAME_HEADER_LENGTH);
        long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8)
                | (header[3] & 0xFF);
        FrameType type = FrameType.byId(header[4] & 0xFF);
        if (length == 0 || length > LseFormat.MAX_FRAME_BODY || type == null) {
            // the frame structure is broken here: resynchronise on the next segment of any kind
            long next = findSegment(position + 1, size, null);
            if (next < 0) {
                return new ScanItem.EndOfData(position, size - position);
            }
            return endSegment(classify(position, next, true));
        }
        long end = position + LseFormat.FRAME_HEADER_LENGTH + length;
        if (end > size) {
            return restartWithin(position, size, false);
        }
        byte[] body = read(position + LseFormat.FRAME_HEADER_LENGTH, (int) length);
        long restart = restartInside(header, body, size);
        if (restart >= 0) {
            return endSegment(classify(position, restart, true));
        }
        byte[] before = type == FrameType.CHECKPOINT || type == FrameType.FINAL ? digestNow() : null;
        ScanItem.Frame frame = new ScanItem.Frame(position, seq, type, body, before);
        digest.update(header);
        digest.update(body);
        seq++;
        lastType = type;
        position = end;
        return frame;
    }

    /**
     * The next item of data that no longer grows: {@link #next()} until the end of the data, then {@link #finish()};
     * null when nothing is left. For readers of whole files (not follow mode).
     */
    public ScanItem nextOfWhole() throws IOException {
        ScanItem item = next();
        return item instanceof ScanItem.EndOfData ? finish() : item;
    }

    /**
     * Ends the scan at the current end of the data: closes the open segment (classifying any partial bytes as
     * its tail) or reports stray bytes; null when nothing is left.
     */
    public ScanItem finish() throws IOException {
        long size = source.size();
        if (core != null) {
            Tail tail = position < size ? classify(position, size, false) : null;
            ScanItem.SegmentEnd end = new ScanItem.SegmentEnd(position, seq, digestNow(), tail);
            core = null;
            position = size;
            return end;
        }
        if (position < size) {
            Tail tail = classify(position, size, false);
            position = size;
            return new ScanItem.Stray(tail);
        }
        return null;
    }

    private ScanItem nextSegment(long size) throws IOException {
        if (position >= size) {
            return null;
        }
        if (!startsWithMagic(position, size)) {
            long next = findSegment(position + 1, size, null);
            if (next < 0) {
                return new ScanItem.EndOfData(position, size - position);
            }
            Tail tail = classify(position, next, true);
            position = next;
            return new ScanItem.Stray(tail);
        }
        long headerLength = LseFormat.CORE_LENGTH + 4L;
        if (size - position < headerLength) {
            return new ScanItem.EndOfData(position, size - position);
        }
        byte[] coreBytes = read(position, LseFormat.CORE_LENGTH);
        SegmentCore parsed;
        int keyBlockLength;
        try {
            parsed = SegmentCore.decode(coreBytes);
            byte[] lengthBytes = read(position + LseFormat.CORE_LENGTH, 4);
            keyBlockLength = ((lengthBytes[0] & 0xFF) << 24) | ((lengthBytes[1] & 0xFF) << 16)
                    | ((lengthBytes[2] & 0xFF) << 8) | (lengthBytes[3] & 0xFF);
            if (keyBlockLength < 1 + LseFormat.DIGEST_LENGTH || keyBlockLength > LseFormat.MAX_KEY_BLOCK) {
                throw new FormatException("key block length " + Integer.toUnsignedString(keyBlockLength)
                        + " out of range");
            }
        } catch (FormatException e) {
            return skipBadHeader(size, SegmentCore.unsupportedVersionOf(coreBytes));
        }
        long restart = findSegment(position + 1, Math.min(size, position + headerLength + keyBlockLength), null);
        if (restart >= 0) {
            // a header cut short by a crash, then a restarted writer's segment: its bytes are not this key block
            Tail tail = classify(position, restart, true);
            position = restart;
            return new ScanItem.Stray(tail);
        }
        if (size - position < headerLength + keyBlockLength) {
            return new ScanItem.EndOfData(position, size - position);
        }
        KeyBlock keyBlock;
        try {
            keyBlock = KeyBlock.decode(read(position + headerLength, keyBlockLength));
        } catch (FormatException e) {
            return skipBadHeader(size, -1);
        }
        ScanItem.SegmentStart start = new ScanItem.SegmentStart(position, parsed, keyBlock);
        core = parsed;
        segmentId = parsed.segmentId();
        seq = 0;
        lastType = null;
        digest = SegmentCore.sha256();
        digest.update(coreBytes);
        position += headerLength + keyBlockLength;
        return start;
    }

    /**
     * Skips a header that is not valid to the next segment. A core whose version byte names a version this reader
     * does not read ({@code unsupportedVersion}, else -1) is reported as such unless its bytes are a crash's
     * leftovers (a torn header: the "version" is then the first byte of the restarted segment's signature).
     */
    private ScanItem skipBadHeader(long size, int unsupportedVersion) throws IOException {
        long next = findSegment(position + 1, size, null);
        long end = next < 0 ? size : next;
        Tail tail = classify(position, end, next >= 0);
        position = end;
        return new ScanItem.Stray(tail, tail.kind() == Tail.Kind.GARBAGE ? unsupportedVersion : -1);
    }

    /**
     * Looks for a segment that a restarted writer appended inside what would otherwise be this segment's next
     * frame (after a torn tail): a valid core whose predecessor is the current segment. Returns the SegmentEnd
     * when found; otherwise null (when {@code complete}) or EndOfData.
     */
    private ScanItem restartWithin(long from, long to, boolean complete) throws IOException {
        long found = findSegment(from + 1, to, segmentId);
        if (found >= 0) {
            return endSegment(new Tail(from, found - from, classify(from, found, true).kind(), true));
        }
        return complete ? null : new ScanItem.EndOfData(from, to - from);
    }

    /**
     * A frame that is complete on its own terms may still hide a restart: a torn frame's declared length can run
     * over the segment a restarted writer appended. Looks for the signature inside the frame's bytes and checks
     * for a core whose predecessor is this segment.
     */
    private long restartInside(byte[] header, byte[] body, long size) throws IOException {
        int total = header.length + body.length;
        for (int i = 1; i < total; i++) {
            byte b = i < header.length ? header[i] : body[i - header.length];
            if (b != LseFormat.MAGIC[0]) {
                continue;
            }
            long candidate = position + i;
            if (candidate + LseFormat.CORE_LENGTH <= size && isSegmentHeader(candidate, segmentId)) {
                return candidate;
            }
        }
        return -1;
    }

    private ScanItem endSegment(Tail tail) {
        ScanItem.SegmentEnd end = new ScanItem.SegmentEnd(tail == null ? position : tail.offset(), seq, digestNow(), tail);
        if (tail != null) {
            position = tail.offset() + tail.length();
        }
        core = null;
        return end;
    }

    /** Offset of the next valid segment header in [from, to), optionally one whose predecessor is {@code previousId}. */
    private long findSegment(long from, long to, byte[] previousId) throws IOException {
        long size = source.size();
        byte[] chunk = new byte[64 * 1024];
        for (long at = from; at < to; at += chunk.length - LseFormat.MAGIC.length) {
            int n = (int) Math.min(chunk.length, Math.min(to, size) - at);
            if (n <= 0) {
                break;
            }
            read(at, chunk, n);
            for (int i = 0; i < n; i++) {
                if (chunk[i] != LseFormat.MAGIC[0]) {
                    continue;
                }
                long candidate = at + i;
                if (candidate >= to || candidate + LseFormat.CORE_LENGTH > size) {
                    continue;
                }
                if (isSegmentHeader(candidate, previousId)) {
                    return candidate;
                }
            }
            if (n < chunk.length) {
                break;
            }
        }
        return -1;
    }

    private boolean isSegmentHeader(long at, byte[] previousId) throws IOException {
        byte[] coreBytes = read(at, LseFormat.CORE_LENGTH);
        if (!SegmentCore.startsWithMagic(coreBytes, 0)) {
            return false;
        }
        try {
            SegmentCore candidate = SegmentCore.decode(coreBytes);
            return previousId == null || MessageDigest.isEqual(candidate.previousSegmentId(), previousId);
        } catch (FormatException e) {
            return false;
        }
    }

    /**
     * What the bytes [from, to) that are not whole frames look like. Zeros are a zero-filled tail, and so, in an
     * open segment, is a frame's length field followed by nothing but zeros (a power cut after the file system had
     * extended the file, when the page that holds the rest of the frame never reached the disk; the type byte 0 is
     * never written). A segment header cut short is torn wherever it is; so is a frame cut short in an open
     * segment. After a FINAL frame the writer adds nothing to the segment, so there only a new segment or zeros can
     * be a crash's leftovers.
     */
    private Tail classify(long from, long to, boolean followed) throws IOException {
        long length = to - from;
        boolean open = core != null && lastType != FrameType.FINAL;
        if (allZero(from, to) || (open && length > LENGTH_FIELD && allZero(from + LENGTH_FIELD, to))) {
            return new Tail(from, length, Tail.Kind.ZERO_FILLED, followed);
        }
        if (isTornHeader(from, to) || (open && isTornFrame(from, to))) {
            return new Tail(from, length, Tail.Kind.TORN, followed);
        }
        return new Tail(from, length, Tail.Kind.GARBAGE, followed);
    }

    /** True when [from, to) is the start of a frame cut short: too short for a header, or announcing more. */
    private boolean isTornFrame(long from, long to) throws IOException {
        if (to - from < LseFormat.FRAME_HEADER_LENGTH) {
            return true;
        }
        byte[] header = read(from, LseFormat.FRAME_HEADER_LENGTH);
        long declared = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8)
                | (header[3] & 0xFF);
        boolean plausible = declared > 0 && declared <= LseFormat.MAX_FRAME_BODY
                && FrameType.byId(header[4] & 0xFF) != null;
        return plausible && from + LseFormat.FRAME_HEADER_LENGTH + declared > to;
    }

    /**
     * True when [from, to) is the start of a segment header cut short: a prefix of the signature or of a core,
     * or a valid core whose key block runs past {@code to}. A crash while a segment is being started leaves this.
     */
    private boolean isTornHeader(long from, long to) throws IOException {
        long length = to - from;
        if (!isMagicPrefix(from, to)) {
            return false;
        }
        if (length < LseFormat.CORE_LENGTH + 4L) {
            return true;
        }
        try {
            SegmentCore.decode(read(from, LseFormat.CORE_LENGTH));
        } catch (FormatException e) {
            return false;
        }
        long keyBlockLength = readUnsignedInt(from + LseFormat.CORE_LENGTH);
        return keyBlockLength >= 1 + LseFormat.DIGEST_LENGTH && keyBlockLength <= LseFormat.MAX_KEY_BLOCK
                && LseFormat.CORE_LENGTH + 4L + keyBlockLength > length;
    }

    private long readUnsignedInt(long at) throws IOException {
        byte[] b = read(at, 4);
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    private boolean isMagicPrefix(long from, long to) throws IOException {
        int n = (int) Math.min(LseFormat.MAGIC.length, to - from);
        byte[] bytes = read(from, n);
        for (int i = 0; i < n; i++) {
            if (bytes[i] != LseFormat.MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean allZero(long from, long to) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (long at = from; at < to; at += chunk.length) {
            int n = (int) Math.min(chunk.length, to - at);
            read(at, chunk, n);
            for (int i = 0; i < n; i++) {
                if (chunk[i] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean startsWithMagic(long at, long size) throws IOException {
        return size - at >= LseFormat.MAGIC.length && isMagicPrefix(at, at + LseFormat.MAGIC.length);
    }

    private byte[] digestNow() {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 implementation cannot be cloned", e);
        }
    }

    private byte[] read(long at, int length) throws IOException {
        byte[] bytes = new byte[length];
        source.read(at, bytes, 0, length);
        return bytes;
    }

    private void read(long at, byte[] into, int length) throws IOException {
        source.read(at, into, 0, length);
    }
}
