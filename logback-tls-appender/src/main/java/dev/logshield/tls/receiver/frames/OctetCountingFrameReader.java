package dev.logshield.tls.receiver.frames;

import java.io.IOException;
import java.io.InputStream;

/**
 * RFC 6587 §3.4.1 octet-counting framing, as RFC 5425 prescribes for syslog over TLS: {@code MSG-LEN SP MSG},
 * MSG-LEN being 1 to 9 ASCII digits without a leading zero.
 * <ul>
 * <li>A length that is not that (a non-digit, a leading 0, a tenth digit, no SP after the digits) loses the
 * framing: {@link FramingLostException} with {@link DropReason#BAD_LENGTH}, naming the byte and its offset.</li>
 * <li>A length over {@code maxFrameSize}: exactly that many bytes are read through the small read buffer and
 * discarded, then {@link DropReason#OVERSIZE} is reported with the length; the next frame is read normally. A
 * 999 999 999-byte length prefix costs no memory.</li>
 * <li>The stream ending inside a frame (or its length): {@link DropReason#TRUNCATED} with the bytes of the frame
 * read so far, then {@code null}. Ending between frames: {@code null}.</li>
 * </ul>
 * A frame's payload is read straight into an array of its exact length: never more than {@code maxFrameSize}
 * bytes are held besides the 8 KiB read buffer. While the array waits for the rest of the frame, its length is
 * announced to the {@link FrameObserver#holding observer}.
 *
 * <p>Not thread-safe: one reader per connection. Configured through the receiver's
 * {@code <framing>octet-counting</framing>}; see {@link FrameReaders}.
 */
public final class OctetCountingFrameReader implements FrameReader {

    static final int MAX_LENGTH_DIGITS = 9;

    private final ByteSource source;
    private final int maxFrameSize;
    private final FrameObserver observer;
    private FramingLostException lost;

    /** See {@link FrameReaders#create}. */
    public OctetCountingFrameReader(InputStream in, int maxFrameSize, FrameObserver observer) {
        this(new ByteSource(in), maxFrameSize, observer);
    }

    OctetCountingFrameReader(ByteSource source, int maxFrameSize, FrameObserver observer) {
        this.source = source;
        this.maxFrameSize = FrameReaders.checkMaxFrameSize(maxFrameSize);
        this.observer = observer == null ? FrameObserver.NONE : observer;
    }

    @Override
    public byte[] next() throws IOException {
        if (lost != null) {
            throw FrameReaders.stillLost(lost);
        }
        while (source.peek() >= 0) {
            byte[] frame;
            try {
                frame = readFrame();
            } catch (FramingLostException e) {
                lost = e;
                throw e;
            }
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    /**
     * Reads the frame starting at the current position (a byte is available).
     *
     * @return the payload, or null when the frame was dropped (and reported)
     */
    byte[] readFrame() throws IOException {
        long start = source.position();
        observer.frameStarted();
        int length = 0;
        int digits = 0;
        while (true) {
            long offset = source.position();
            int b = source.read();
            if (b < 0) {
                return truncated(start);
            }
            if (b >= '0' && b <= '9') {
                if (digits == 0 && b == '0') {
                    throw badLength(offset, b, "MSG-LEN must not start with 0");
                }
                if (digits == MAX_LENGTH_DIGITS) {
                    throw badLength(offset, b, "MSG-LEN has more than " + MAX_LENGTH_DIGITS + " digits");
                }
                length = length * 10 + (b - '0');
                digits++;
            } else if (b == ' ' && digits > 0) {
                break;
            } else {
                throw badLength(offset, b, digits == 0 ? "expected a digit 1-9 starting MSG-LEN"
                        : "expected a digit or the SP ending MSG-LEN");
            }
        }
        if (length > maxFrameSize) {
            if (source.skip(length) < length) {
                return truncated(start);
            }
            observer.dropped(DropReason.OVERSIZE, length);
            observer.frameEnded();
            return null;
        }
        byte[] frame = new byte[length];
        boolean waits = source.end() - source.start() < length;
        if (waits) {
            observer.holding(length);
        }
        try {
            if (source.readFully(frame, 0, length) < length) {
                return truncated(start);
            }
        } finally {
            if (waits) {
                observer.holding(-length);
            }
        }
        observer.frameEnded();
        return frame;
    }

    private byte[] truncated(long start) {
        observer.dropped(DropReason.TRUNCATED, source.position() - start);
        observer.frameEnded();
        return null;
    }

    private static FramingLostException badLength(long offset, int b, String what) {
        return new FramingLostException(DropReason.BAD_LENGTH,
                what + ": got " + ByteSource.describe(b) + " at byte offset " + offset);
    }
}
