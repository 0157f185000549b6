package dev.logshield.tls.receiver.frames;

import java.io.IOException;
import java.io.InputStream;

/**
 * Octet-counting and newline framing on one port, decided per frame as rsyslog's {@code imtcp} does: a frame whose
 * first byte is a digit 1-9 is octet-counted ({@code MSG-LEN SP MSG}), any other is a line. Syslog and JSON
 * payloads start with {@code <} or <code>{</code>, so both rsyslog's traditional LF framing and RFC 5425 framing
 * work, even mixed on one connection; a line that starts with a digit is read as a length and, not being one,
 * loses the framing ({@link DropReason#BAD_LENGTH}).
 *
 * <p>Limits, drops and truncation as in {@link OctetCountingFrameReader} and {@link NewlineFrameReader}. Not
 * thread-safe: one reader per connection. Configured through the receiver's {@code <framing>auto</framing>}; see
 * {@link FrameReaders}.
 */
public final class AutoFrameReader implements FrameReader {

    private final ByteSource source;
    private final OctetCountingFrameReader octets;
    private final NewlineFrameReader lines;
    private FramingLostException lost;

    /** See {@link FrameReaders#create}. */
    public AutoFrameReader(InputStream in, int maxFrameSize, FrameObserver observer) {
        this.source = new ByteSource(in);
        this.octets = new OctetCountingFrameReader(source, maxFrameSize, observer);
        this.lines = new NewlineFrameReader(source, maxFrameSize, observer);
    }

    @Override
    public byte[] next() throws IOException {
        if (lost != null) {
            throw FrameReaders.stillLost(lost);
        }
        int first;
        while ((first = source.peek()) >= 0) {
            byte[] frame;
            if (first >= '1' && first <= '9') {
                try {
                    frame = octets.readFrame();
                } catch (FramingLostException e) {
                    lost = e;
                    throw e;
                }
            } else {
                frame = lines.readFrame();
            }
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }
}
