package dev.logshield.crypto.format;

import java.io.IOException;

/** Where a {@link SegmentWriter} puts its bytes: one call per frame, so each frame reaches the OS whole. */
@FunctionalInterface
public interface FrameSink {

    void write(byte[] bytes, int offset, int length) throws IOException;
}
