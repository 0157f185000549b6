package dev.logshield.tls.receiver.frames;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * RFC 6587 §3.4.2 non-transparent framing: each frame ends at an LF; one CR right before the LF is removed, so
 * CR LF lines work too. Empty lines are skipped silently (neither an event nor a drop).
 * <ul>
 * <li>A line longer than {@code maxFrameSize}: its bytes past the limit are discarded as they arrive, and once
 * the line finally ends {@link DropReason#OVERSIZE} is reported with its length; the next line is read
 * normally.</li>
 * <li>The stream ending inside a line: {@link DropReason#TRUNCATED} with its length so far, then {@code null}.</li>
 * </ul>
 * As a line's length is known only at its end, it is gathered in a buffer of at most {@code maxFrameSize + 1}
 * bytes (the +1 is a CR that may precede the LF) and then copied into the returned array; a buffer grown over
 * 8 KiB is released after its line, so an idle connection holds only the 8 KiB read buffer. While a line waits for
 * more of the stream, the size of that buffer is announced to the {@link FrameObserver#holding observer}.
 *
 * <p>Not thread-safe: one reader per connection. Configured through the receiver's
 * {@code <framing>newline</framing>}; see {@link FrameReaders}.
 */
public final class NewlineFrameReader implements FrameReader {

    private static final int INITIAL_LINE_BUFFER = 256;
    private static final int KEPT_LINE_BUFFER = 8 * 1024;

    private final ByteSource source;
    private final int maxFrameSize;
    private final FrameObserver observer;
    private byte[] line = new byte[INITIAL_LINE_BUFFER];

    /** See {@link FrameReaders#create}. */
    public NewlineFrameReader(InputStream in, int maxFrameSize, FrameObserver observer) {
        this(new ByteSource(in), maxFrameSize, observer);
    }

    NewlineFrameReader(ByteSource source, int maxFrameSize, FrameObserver observer) {
        this.source = source;
        this.maxFrameSize = FrameReaders.checkMaxFrameSize(maxFrameSize);
        this.observer = observer == null ? FrameObserver.NONE : observer;
    }

    @Override
    public byte[] next() throws IOException {
        while (source.peek() >= 0) {
            byte[] frame = readFrame();
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    /**
     * Reads the line starting at the current position (a byte is available).
     *
     * @return the payload, or null when the line was empty or dropped (and reported)
     */
    byte[] readFrame() throws IOException {
        byte[] buffer = source.buffer();
        if (buffer[source.start()] == '\n') {
            source.consume(1);
            return null;
        }
        observer.frameStarted();
        // kept: bytes stored in line[], at most maxFrameSize + 1; total: every byte of the line
        int kept = 0;
        long total = 0;
        int cap = maxFrameSize + 1;
        int held = 0; // line[]'s size as announced to the observer while the line waits for more of the stream
        try {
            while (true) {
                if (!source.fill()) {
                    observer.dropped(DropReason.TRUNCATED, total);
                    observer.frameEnded();
                    releaseLargeBuffer();
                    return null;
                }
                int start = source.start();
                int end = source.end();
                int lf = start;
                while (lf < end && buffer[lf] != '\n') {
                    lf++;
                }
                int n = lf - start;
                int keep = (int) Math.min(n, cap - kept);
                if (keep > 0) {
                    ensureCapacity(kept + keep, cap);
                    System.arraycopy(buffer, start, line, kept, keep);
                    kept += keep;
                }
                total += n;
                if (lf < end) {
                    source.consume(n + 1);
                    break;
                }
                source.consume(n);
                if (line.length != held) {
                    observer.holding(line.length - held);
                    held = line.length;
                }
            }
        } finally {
            if (held != 0) {
                observer.holding(-held);
            }
        }
        long length = total;
        if (total == kept && kept > 0 && line[kept - 1] == '\r') {
            length--;
        }
        byte[] frame = null;
        if (length > maxFrameSize) {
            observer.dropped(DropReason.OVERSIZE, total);
        } else if (length > 0) {
            frame = Arrays.copyOf(line, (int) length);
        }
        observer.frameEnded();
        releaseLargeBuffer();
        return frame;
    }

    private void ensureCapacity(int needed, int cap) {
        if (needed > line.length) {
            int grown = (int) Math.min(cap, Math.max(needed, 2L * line.length));
            line = Arrays.copyOf(line, grown);
        }
    }

    private void releaseLargeBuffer() {
        if (line.length > KEPT_LINE_BUFFER) {
            line = new byte[INITIAL_LINE_BUFFER];
        }
    }
}
