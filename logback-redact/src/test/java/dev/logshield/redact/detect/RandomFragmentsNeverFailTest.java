package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Redactor;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Random texts glued from the fragments the scanners look for (markers, separators, quotes, escapes,
 * surrogates, controls, boundaries at the very end) never make a detector throw.
 */
class RandomFragmentsNeverFailTest {

    private static final String[] FRAGMENTS = {
        "eyJ", "eyJhbGciOiJIUzI1NiJ9", ".", "..", "=", "==", ":", "://", "@", "/", "?", "#", "\"", "'", "\\", "\\\"",
        "-----BEGIN ", "PRIVATE KEY", "-----", "-----END ", "Bearer ", "basic ", "Basic dXNlcjpw", "Authorization: ",
        "password", "token", "Cookie", "secret=[", "]", "{", "}", "; ", "&", ",", " ", "\t", "\n", "\r", "\u0000",
        "\uD800", "\uDC00", "\u00e9", "\u212A", "ghp_", "github_pat_", "xoxb-", "sk_live_", "pk_live_", "AIza", "sk-",
        "sk-proj-", "tok-", "api_", "AKIA", "ASIA", "A1b2C3d4E5f6G7h8", "1234567890", "abcdefgh", "_", "-", "+", "%40",
        "null", "=>", ":=", "[", "<", ">", "!", "x"};

    @Test
    void allDetectorsSurviveRandomFragments() {
        List<Detector> detectors = AllDetectors.list();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Redactor all = AllDetectors.redactor(detectors, failure);
        Random random = new Random(20240501L);
        for (int round = 0; round < 30_000; round++) {
            StringBuilder b = new StringBuilder();
            int parts = 1 + random.nextInt(24);
            for (int p = 0; p < parts; p++) {
                b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            String text = b.toString();
            for (int cut = Math.max(1, text.length() - 3); cut <= text.length(); cut++) { // end the text mid-token
                String t = text.substring(0, cut);
                String out = all.redact(t);
                if (failure.get() != null) {
                    throw new AssertionError("failed on: " + escape(t), failure.get());
                }
                assertThat(out).isNotEqualTo(Redactor.FAILED);
            }
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
