package dev.logshield.tls.framing;

/**
 * The one trailing line end (LF or CR LF) that line-oriented encoders append to every event: framers strip
 * it, because the frame itself marks where the message ends.
 */
final class TrailingNewline {

    private TrailingNewline() {
    }

    /** {@code length} without one trailing LF or CR LF of {@code bytes[offset, offset + length)}. */
    static int strippedLength(byte[] bytes, int offset, int length) {
        if (length > 0 && bytes[offset + length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[offset + length - 1] == '\r') {
                length--;
            }
        }
        return length;
    }

    static void checkRange(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " outside an array of "
                    + bytes.length);
        }
    }
}
