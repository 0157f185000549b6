package dev.logshield.tls.receiver.parse;

import dev.logshield.tls.receiver.frames.DropReason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict UTF-8 decoding of a payload: overlong forms, encoded surrogates, code points over U+10FFFF and cut
 * sequences are {@link DropReason#INVALID_UTF8} with the offset of the first bad byte, never replaced by U+FFFD
 * (which would let two different payloads become the same event).
 */
final class Utf8Text {

    static final char BOM = '\uFEFF';

    private Utf8Text() {
    }

    static String decode(byte[] payload, int offset, int length) throws MalformedEventException {
        Objects.checkFromIndexSize(offset, length, payload.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(payload, offset, length);
        // UTF-8 never needs more chars than bytes: one output buffer, one pass
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position() - offset;
            throw new MalformedEventException(DropReason.INVALID_UTF8, "the payload is not UTF-8: "
                    + describe(payload, in.position(), result.length()) + " at byte offset " + bad);
        }
        out.flip();
        return out.toString();
    }

    /** The message text: one leading BOM removed (RFC 5424 MSG-UTF8), trailing CR and LF stripped. */
    static String message(String text, int from) {
        int start = from;
        if (start < text.length() && text.charAt(start) == BOM) {
            start++;
        }
        int end = text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String describe(byte[] bytes, int at, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = at; i < Math.min(bytes.length, at + Math.min(length, 4)); i++) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        return sb.length() == 0 ? "a cut sequence" : sb.toString();
    }
}
