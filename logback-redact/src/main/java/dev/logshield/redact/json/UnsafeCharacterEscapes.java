package dev.logshield.redact.json;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * Makes Jackson write, as {@code \}{@code uXXXX} escapes, every character that can reorder, hide or forge
 * text when a log is displayed: DEL and the C1 controls (U+007F-U+009F, NEL included), the line and paragraph
 * separators U+2028/U+2029, the bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), the
 * zero-width space U+200B and BOM U+FEFF, and every surrogate (so a lone surrogate can never reach the bytes;
 * a valid pair becomes two escapes, which every JSON reader joins again). These are the characters
 * {@link dev.logshield.redact.text.LogInjectionEscaper} neutralises in text logs.
 *
 * <p>Escapes already configured on the factory (logstash's {@code CharacterEscapesDecorator}) are kept for
 * every other character, except that they may not un-escape a quote, a backslash or a control character.
 */
final class UnsafeCharacterEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final SerializedString[] C1 = new SerializedString[0xA0 - 0x7F];

    static {
        for (int c = 0x7F; c < 0xA0; c++) {
            C1[c - 0x7F] = escapeOf(c);
        }
    }

    private final int[] ascii;
    private final CharacterEscapes base;

    private UnsafeCharacterEscapes(CharacterEscapes base) {
        this.base = base;
        int[] standard = CharacterEscapes.standardAsciiEscapesForJSON();
        int[] codes = base == null ? standard : base.getEscapeCodesForAscii().clone();
        if (codes.length < 128) {
            int[] grown = standard.clone();
            System.arraycopy(codes, 0, grown, 0, codes.length);
            codes = grown;
        }
        for (int c = 0; c < 128; c++) {
            if (standard[c] != ESCAPE_NONE && codes[c] == ESCAPE_NONE) {
                codes[c] = standard[c]; // a custom table may add escapes, never remove the ones JSON needs
            }
        }
        codes[0x7F] = ESCAPE_CUSTOM;
        this.ascii = codes;
    }

    /** Our escapes on top of {@code base} (may be null). */
    static UnsafeCharacterEscapes over(CharacterEscapes base) {
        if (base instanceof UnsafeCharacterEscapes already) {
            return already;
        }
        return new UnsafeCharacterEscapes(base);
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch >= 0x7F && ch < 0xA0) {
            return C1[ch - 0x7F];
        }
        if (isUnsafe(ch)) {
            return escapeOf(ch);
        }
        return base == null ? null : base.getEscapeSequence(ch);
    }

    /** True for the characters above U+009F that are always escaped. */
    static boolean isUnsafe(int ch) {
        if (ch < 0x061C) {
            return false;
        }
        switch (ch) {
            case 0x061C: case 0x200B: case 0x200E: case 0x200F: case 0x2028: case 0x2029:
            case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
            case 0x2066: case 0x2067: case 0x2068: case 0x2069:
            case 0xFEFF:
                return true;
            default:
                return ch >= 0xD800 && ch <= 0xDFFF;
        }
    }

    private static SerializedString escapeOf(int c) {
        return new SerializedString(new String(new char[] {'\\', 'u',
                HEX[c >> 12 & 0xF], HEX[c >> 8 & 0xF], HEX[c >> 4 & 0xF], HEX[c & 0xF]}));
    }
}
