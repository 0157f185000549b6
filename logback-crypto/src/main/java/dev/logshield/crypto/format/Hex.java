package dev.logshield.crypto.format;

import java.util.HexFormat;

/** Lower-case hex for ids and digests in reports. */
public final class Hex {

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Parses lower- or upper-case hex. */
    public static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
