package dev.logshield.tls.framing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Newline-delimited framing, one event per line, for receivers that read JSON lines or plain lines over TCP:
 * syslog-ng's {@code network()} source, rsyslog's {@code imtcp} without octet counting; also meant for Logstash's
 * {@code tcp} input with the {@code json_lines} codec, Fluent Bit's {@code tcp} input and Vector's {@code socket}
 * source with {@code newline_delimited} framing, which are untested.
 *
 * <p>Every frame ends with exactly one LF. One trailing LF or CR LF of the body (JSON encoders add one) is
 * stripped first; a body that is then empty frames to nothing. <b>A line break can never split a frame:</b>
 * every CR or LF left inside the body is written as the two characters {@code \r} or {@code \n} (a backslash
 * and a letter). That is exactly the JSON escape, so a compact JSON body is unchanged and a raw newline, which
 * JSON forbids inside strings anyway, cannot forge a second event. The escaping is not reversible in general: a
 * body that already held a backslash followed by {@code n} reads the same as an escaped LF. Send multi-line
 * text (stack traces) with {@link OctetCountingFramer} or RELP to keep it byte for byte, and configure JSON
 * encoders to write one line (no pretty printing: an escaped newline between JSON tokens is invalid JSON).
 * <pre>{@code
 * <framing>newline</framing>
 * }</pre>
 * Immutable, thread-safe, allocation-free.
 */
public final class NewlineFramer implements Framer {

    @Override
    public int framedLength(byte[] body, int offset, int length) {
        TrailingNewline.checkRange(body, offset, length);
        int n = TrailingNewline.strippedLength(body, offset, length);
        if (n == 0) {
            return 0;
        }
        int breaks = 0;
        for (int i = offset, end = offset + n; i < end; i++) {
            if (isLineBreak(body[i])) {
                breaks++;
            }
        }
        return n + breaks + 1;
    }

    @Override
    public int frame(byte[] body, int offset, int length, OutputStream out) throws IOException {
        TrailingNewline.checkRange(body, offset, length);
        int n = TrailingNewline.strippedLength(body, offset, length);
        if (n == 0) {
            return 0;
        }
        int written = 0;
        int run = offset;
        for (int i = offset, end = offset + n; i < end; i++) {
            byte b = body[i];
            if (isLineBreak(b)) {
                out.write(body, run, i - run);
                out.write('\\');
                out.write(b == '\n' ? 'n' : 'r');
                written += i - run + 2;
                run = i + 1;
            }
        }
        out.write(body, run, offset + n - run);
        out.write('\n');
        return written + offset + n - run + 1;
    }

    @Override
    public int frame(byte[] body, int offset, int length, ByteBuffer out) {
        int framed = framedLength(body, offset, length);
        if (out.remaining() < framed) {
            throw new BufferOverflowException();
        }
        if (framed == 0) {
            return 0;
        }
        int n = TrailingNewline.strippedLength(body, offset, length);
        int run = offset;
        for (int i = offset, end = offset + n; i < end; i++) {
            byte b = body[i];
            if (isLineBreak(b)) {
                out.put(body, run, i - run);
                out.put((byte) '\\');
                out.put((byte) (b == '\n' ? 'n' : 'r'));
                run = i + 1;
            }
        }
        out.put(body, run, offset + n - run);
        out.put((byte) '\n');
        return framed;
    }

    private static boolean isLineBreak(byte b) {
        return b == '\n' || b == '\r';
    }

    @Override
    public String toString() {
        return "newline";
    }
}
