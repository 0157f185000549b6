package dev.logshield.tls.delivery;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one encoded event as one frame (octet counting or newline) to a connection's buffered output. */
@FunctionalInterface
public interface FrameWriter {

    void write(byte[] body, OutputStream out) throws IOException;
}
