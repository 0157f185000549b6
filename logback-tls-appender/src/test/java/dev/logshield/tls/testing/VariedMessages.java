package dev.logshield.tls.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Single-line messages that test a framing end to end: numbered, a third of them with two-, three- and four-byte
 * UTF-8 characters, and every {@link #LARGE_EVERY}th one larger than 64 KiB (a collector's usual read size and
 * syslog-ng's default {@code log-msg-size}), itself made of multi-byte characters so that any cut at a fixed byte
 * count is likely to split one. Nothing in them looks like a secret, so redaction leaves them as they are.
 */
public final class VariedMessages {

    /** One message in this many is large. */
    public static final int LARGE_EVERY = 500;
    /** The UTF-8 length of a large message's filler. */
    public static final int LARGE_BYTES = 80_000;

    private VariedMessages() {
    }

    /** {@code count} messages, the same ones at every call. */
    public static List<String> of(int count) {
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(message(i));
        }
        return messages;
    }

    private static String message(int i) {
        String text = "event " + i + " of the framing check";
        if (i % LARGE_EVERY == LARGE_EVERY - 1) {
            // "é" is 2 bytes, "€" 3 and the rocket 4: 9 bytes per round
            return text + " large " + "é€\uD83D\uDE80".repeat(LARGE_BYTES / 9) + " end " + i;
        }
        if (i % 3 == 1) {
            return text + " Grüße aus Köln, 日本語のログ, \uD83D\uDE80 launched";
        }
        return text;
    }
}
