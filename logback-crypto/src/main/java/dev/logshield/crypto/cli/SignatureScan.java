package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.LseFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every occurrence of the 8-byte LSE signature in a file. {@code rewrap} compares them with the segments the
 * scanner recognised: a signature elsewhere is a segment header inside a damaged region, whose key block a rewrap
 * would leave under the old keys. (In ciphertext the signature occurs by chance with probability 2^-64 per byte.)
 */
final class SignatureScan {

    private SignatureScan() {
    }

    static List<Long> offsets(FileChannel channel) throws IOException {
        byte[] magic = LseFormat.magic();
        List<Long> found = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        long size = channel.size();
        long base = 0;
        while (base < size) {
            buffer.clear();
            int n = 0;
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, base + n);
                if (read <= 0) {
                    break;
                }
                n += read;
            }
            byte[] bytes = buffer.array();
            for (int i = 0; i + magic.length <= n; i++) {
                if (bytes[i] == magic[0] && matches(bytes, i, magic)) {
                    found.add(base + i);
                }
            }
            if (base + n >= size || n < magic.length) {
                break;
            }
            base += n - (magic.length - 1);
        }
        return found;
    }

    private static boolean matches(byte[] bytes, int at, byte[] magic) {
        for (int i = 1; i < magic.length; i++) {
            if (bytes[at + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
