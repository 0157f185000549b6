package dev.logshield.crypto.testing;

import dev.logshield.crypto.format.ByteSource;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * One well-formed segment taken apart into its header (core and key block) and its raw frames, for tests that
 * delete, reorder, duplicate, move or rewrite frames the way an attacker with a hex editor would.
 */
public final class SegmentBytes {

    private final byte[] header;
    private final List<byte[]> frames;

    private SegmentBytes(byte[] header, List<byte[]> frames) {
        this.header = header;
        this.frames = frames;
    }

    /** Splits a file that holds exactly one complete segment. */
    public static SegmentBytes parse(byte[] file) throws Exception {
        LseScanner scanner = new LseScanner(ByteSource.of(file));
        ScanItem first = scanner.next();
        if (!(first instanceof ScanItem.SegmentStart)) {
            throw new IllegalArgumentException("not a segment: " + first);
        }
        List<byte[]> frames = new ArrayList<>();
        long headerEnd = -1;
        for (ScanItem item = scanner.next(); item instanceof ScanItem.Frame frame; item = scanner.next()) {
            if (headerEnd < 0) {
                headerEnd = frame.offset();
            }
            frames.add(slice(file, frame.offset(), frame.length()));
        }
        return new SegmentBytes(slice(file, 0, headerEnd), frames);
    }

    private static byte[] slice(byte[] bytes, long from, long length) {
        byte[] out = new byte[(int) length];
        System.arraycopy(bytes, (int) from, out, 0, out.length);
        return out;
    }

    public byte[] header() {
        return header.clone();
    }

    public byte[] core() {
        return slice(header, 0, LseFormat.CORE_LENGTH);
    }

    /** The frames, raw (length, type, body); the list is live: tests edit it. */
    public List<byte[]> frames() {
        return frames;
    }

    public int frameCount() {
        return frames.size();
    }

    public byte[] frame(int seq) {
        return frames.get(seq).clone();
    }

    public FrameType type(int seq) {
        return FrameType.byId(frames.get(seq)[4] & 0xFF);
    }

    /** The sequence numbers of the frames of {@code type}, in order. */
    public List<Integer> seqsOf(FrameType type) {
        List<Integer> seqs = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (type(i) == type) {
                seqs.add(i);
            }
        }
        return seqs;
    }

    /** File offset of frame {@code seq} in {@link #bytes()}. */
    public long offsetOf(int seq) {
        long offset = header.length;
        for (int i = 0; i < seq; i++) {
            offset += frames.get(i).length;
        }
        return offset;
    }

    /** D_seq: SHA-256 of the core and the frames before {@code seq}, as they are now. */
    public byte[] digestBefore(int seq) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(core());
        for (int i = 0; i < seq; i++) {
            digest.update(frames.get(i));
        }
        return digest.digest();
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        frames.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** A frame with {@code body}: 4-byte length, type byte, body. */
    public static byte[] frameOf(FrameType type, byte[] body) {
        byte[] frame = new byte[LseFormat.FRAME_HEADER_LENGTH + body.length];
        frame[0] = (byte) (body.length >>> 24);
        frame[1] = (byte) (body.length >>> 16);
        frame[2] = (byte) (body.length >>> 8);
        frame[3] = (byte) body.length;
        frame[4] = (byte) type.id();
        System.arraycopy(body, 0, frame, LseFormat.FRAME_HEADER_LENGTH, body.length);
        return frame;
    }

    /** The body of frame {@code seq}. */
    public byte[] body(int seq) {
        byte[] frame = frames.get(seq);
        return slice(frame, LseFormat.FRAME_HEADER_LENGTH, frame.length - LseFormat.FRAME_HEADER_LENGTH);
    }
}
