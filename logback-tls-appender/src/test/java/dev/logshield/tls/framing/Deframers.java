package dev.logshield.tls.framing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Simple receivers for framed streams, written from the RFCs, not from the framers, plus random bodies. */
final class Deframers {

    private Deframers() {
    }

    /** Splits an RFC 5425 stream ({@code MSG-LEN SP SYSLOG-MSG}...) into its messages; fails on any deviation. */
    static List<byte[]> octetCounted(byte[] stream) {
        List<byte[]> messages = new ArrayList<>();
        int i = 0;
        while (i < stream.length) {
            if (stream[i] < '1' || stream[i] > '9') {
                throw new AssertionError("MSG-LEN must start with a non-zero digit at " + i);
            }
            int len = 0;
            while (stream[i] != ' ') {
                if (stream[i] < '0' || stream[i] > '9') {
                    throw new AssertionError("non-digit in MSG-LEN at " + i);
                }
                len = len * 10 + stream[i++] - '0';
            }
            i++;
            if (i + len > stream.length) {
                throw new AssertionError("frame runs past the end of the stream");
            }
            messages.add(Arrays.copyOfRange(stream, i, i + len));
            i += len;
        }
        return messages;
    }

    /** Splits a newline-framed stream into its lines (without the LF); the stream must end with LF. */
    static List<byte[]> lines(byte[] stream) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] == '\n') {
                lines.add(Arrays.copyOfRange(stream, start, i));
                start = i + 1;
            }
        }
        if (start != stream.length) {
            throw new AssertionError("stream does not end with LF");
        }
        return lines;
    }

    /** Turns the two-character escapes {@code \n} and {@code \r} of a line back into LF and CR. */
    static byte[] unescapeLineBreaks(byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\\' && i + 1 < line.length && (line[i + 1] == 'n' || line[i + 1] == 'r')) {
                out.write(line[i + 1] == 'n' ? '\n' : '\r');
                i++;
            } else {
                out.write(line[i]);
            }
        }
        return out.toByteArray();
    }

    /** {@code body} without one trailing LF or CR LF. */
    static byte[] withoutTrailingNewline(byte[] body) {
        int n = body.length;
        if (n > 0 && body[n - 1] == '\n') {
            n--;
            if (n > 0 && body[n - 1] == '\r') {
                n--;
            }
        }
        return Arrays.copyOf(body, n);
    }

    private static final String[] PIECES = {"a", "Z", " ", "\n", "\r", "\r\n", "\t", "{\"k\":1}", "é", "€", "日本",
        "\uD83D\uDE00", "]", "\"", "=", "0", "123 ", "\u0000"};

    /** A random UTF-8 body of up to {@code maxPieces} pieces mixing ASCII, line breaks and multibyte characters. */
    static byte[] randomBody(Random random, int maxPieces, boolean backslashes) {
        StringBuilder sb = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int p = 0; p < pieces; p++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
            if (backslashes && random.nextInt(8) == 0) {
                sb.append('\\');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
