package dev.logshield.tls.framing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * RFC 5425 §4.3 octet-counted framing, {@code MSG-LEN SP SYSLOG-MSG}: the decimal byte count of the message,
 * one space, then the message bytes unchanged, so a message may hold any bytes, newlines of stack traces
 * included. This is what rsyslog's {@code imtcp} ({@code supportOctetCountedFraming}, on by default), syslog-ng's
 * {@code syslog()} source and other RFC 5425 receivers expect.
 *
 * <p>One trailing LF or CR LF of the body is stripped first (line-oriented encoders add one); a body that is
 * then empty frames to nothing, as {@code MSG-LEN} must be at least 1.
 * <pre>{@code
 * <framing>octet-counting</framing>
 * }</pre>
 * Immutable, thread-safe, allocation-free.
 */
public final class OctetCountingFramer implements Framer {

    @Override
    public int framedLength(byte[] body, int offset, int length) {
        TrailingNewline.checkRange(body, offset, length);
        int n = TrailingNewline.strippedLength(body, offset, length);
        return n == 0 ? 0 : DecimalDigits.count(n) + 1 + n;
    }

    @Override
    public int frame(byte[] body, int offset, int length, OutputStream out) throws IOException {
        TrailingNewline.checkRange(body, offset, length);
        int n = TrailingNewline.strippedLength(body, offset, length);
        if (n == 0) {
            return 0;
        }
        DecimalDigits.write(n, out);
        out.write(' ');
        out.write(body, offset, n);
        return DecimalDigits.count(n) + 1 + n;
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
        DecimalDigits.put(n, out);
        out.put((byte) ' ');
        out.put(body, offset, n);
        return framed;
    }

    @Override
    public String toString() {
        return "octet-counting (RFC 5425)";
    }
}
