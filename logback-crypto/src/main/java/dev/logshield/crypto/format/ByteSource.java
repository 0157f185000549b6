package dev.logshield.crypto.format;

import java.io.IOException;

/** Random-access bytes of an LSE file that may still be growing (a file being written, for follow mode). */
public interface ByteSource {

    /** Current length; may grow between calls. */
    long size() throws IOException;

    /** Reads exactly {@code length} bytes at {@code position} (which lie within {@link #size()}). */
    void read(long position, byte[] into, int offset, int length) throws IOException;

    /** Bytes of an array (tests, rewrap). */
    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public void read(long position, byte[] into, int offset, int length) {
                System.arraycopy(bytes, Math.toIntExact(position), into, offset, length);
            }
        };
    }
}
