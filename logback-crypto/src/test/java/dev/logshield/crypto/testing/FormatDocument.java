package dev.logshield.crypto.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fenced blocks of FORMAT.md (test vectors and their values), read as the document states them. The version 1
 * vectors are read-only fixtures now that the writer writes version 2: tests take their bytes from here.
 */
public final class FormatDocument {

    private static final Path FORMAT_MD = Path.of("FORMAT.md");

    private FormatDocument() {
    }

    /** The bytes of the fenced block opened by {@code ```name}, hex with any white space. */
    public static byte[] bytes(String name) throws Exception {
        return HexFormat.of().parseHex(block(name).replaceAll("\\s", ""));
    }

    /** The {@code name = hex} lines of a fenced block, in order. */
    public static Map<String, String> values(String name) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : block(name).split("\n")) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 3).replaceAll("\\s", ""));
            }
        }
        return values;
    }

    /** The bytes {@code start, start+1, ...} (mod 256): the keys and ids of the vectors. */
    public static byte[] counting(int start, int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }

    private static String block(String name) throws Exception {
        String text = Files.readString(FORMAT_MD);
        String open = "```" + name + "\n";
        int start = text.indexOf(open);
        if (start < 0) {
            throw new AssertionError("FORMAT.md has no block ```" + name);
        }
        int end = text.indexOf("\n```", start + open.length());
        return text.substring(start + open.length(), end);
    }
}
