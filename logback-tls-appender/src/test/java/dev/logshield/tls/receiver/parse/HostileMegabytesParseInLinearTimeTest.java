package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Payloads built to hit the worst case of each parser (deep nesting, long runs of escapes, endless tag-like words,
 * thousands of structured-data parameters) take time linear in their size: a megabyte of each is answered in well
 * under a second, where anything quadratic (10<sup>12</sup> steps) would take hours. The parsers read bytes, so the
 * work cannot be counted from outside; the bound is therefore loose on purpose, for a busy build machine, and
 * enforced from another thread, so that a runaway parse fails at the bound instead of hours later.
 */
class HostileMegabytesParseInLinearTimeTest {

    private static final int MEGABYTE = 1 << 20;
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final EventParser auto = EventParsers.create("auto");

    @Test
    void json() {
        assertAnsweredQuickly(() -> "{\"a\":" + "[".repeat(MEGABYTE) + "]".repeat(MEGABYTE) + "}");
        assertAnsweredQuickly(() -> "{\"a\":\"" + "\\\"".repeat(MEGABYTE / 2) + "\"}");
        assertAnsweredQuickly(() -> "{\"a\":[" + "1,".repeat(MEGABYTE / 2) + "1]}");
        assertAnsweredQuickly(() -> "{\"a\":" + "9".repeat(MEGABYTE) + "}");
        assertAnsweredQuickly(() -> "{" + "\"k\":1,".repeat(MEGABYTE / 6) + "\"k\":2}");
    }

    @Test
    void rfc5424() {
        assertAnsweredQuickly(() -> "<13>1 - h a - - [x@1 v=\"" + "\\\\".repeat(MEGABYTE / 2) + "\"]");
        assertAnsweredQuickly(() -> "<13>1 - h a - - [x@1" + " k=\"v\"".repeat(MEGABYTE / 6) + "]");
        assertAnsweredQuickly(() -> "<13>1 - h a - - " + "[x@1 k=\"v\"]".repeat(MEGABYTE / 12));
        assertAnsweredQuickly(() -> "<13>1 - h a - - - " + "\n".repeat(MEGABYTE));
        assertAnsweredQuickly(() -> "<13>1 " + "9".repeat(MEGABYTE));
    }

    @Test
    void rfc3164() {
        assertAnsweredQuickly(() -> "<13>Oct 11 22:14:15 " + "a".repeat(MEGABYTE));
        assertAnsweredQuickly(() -> "<13>Oct 11 22:14:15 h " + "t[".repeat(MEGABYTE / 2));
        assertAnsweredQuickly(() -> "<13>Oct 11 22:14:15 " + "t: ".repeat(MEGABYTE / 3));
        assertAnsweredQuickly(() -> "<13>" + ">".repeat(MEGABYTE));
    }

    private void assertAnsweredQuickly(Supplier<String> payload) {
        byte[] bytes = payload.get().getBytes(UTF_8);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                auto.parse(bytes);
            } catch (MalformedEventException e) {
                // a drop is an answer too
            }
        }, () -> new String(bytes, 0, 40, UTF_8));
    }
}
