package dev.logshield.tls.framing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** ASCII decimal numbers written digit by digit, so that framing a length allocates nothing. */
final class DecimalDigits {

    private DecimalDigits() {
    }

    /** How many digits {@code value} (at least 0) has. */
    static int count(int value) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        return digits;
    }

    static void write(int value, OutputStream out) throws IOException {
        for (int unit = unit(value); unit > 0; unit /= 10) {
            out.write('0' + (value / unit) % 10);
        }
    }

    static void put(int value, ByteBuffer out) {
        for (int unit = unit(value); unit > 0; unit /= 10) {
            out.put((byte) ('0' + (value / unit) % 10));
        }
    }

    /** The power of ten of {@code value}'s first digit. */
    private static int unit(int value) {
        int unit = 1;
        while (value / unit >= 10) {
            unit *= 10;
        }
        return unit;
    }
}
