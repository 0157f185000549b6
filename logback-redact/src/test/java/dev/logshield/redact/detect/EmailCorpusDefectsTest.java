package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.BUILT_IN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * E-mail addresses a held-out corpus showed missed: cut short by the application, at the end of the text
 * ({@code alice@example.c}) or before a truncation mark (Spring's {@code (truncated)...}, {@code ...}, {@code …}).
 */
class EmailCorpusDefectsTest extends DetectorCorpusTest {

    private static final EmailDetector DETECTOR = new EmailDetector();
    private static final String M = "[REDACTED:email]";

    static Stream<Missed> missedLines() {
        return Stream.of(
                missed(DETECTOR, "signup from alice@example.c", "signup from " + M, "alice@example"),
                missed(DETECTOR, "to=alice.smith@mail.example.c", "to=" + M, "alice.smith@mail"),
                missed(DETECTOR, "args=[alice@exam (truncated)...", "args=[" + M + " (truncated)...", "alice@exam"),
                missed(DETECTOR, "args=[alice@exam(truncated)...", "args=[" + M + "(truncated)...", "alice@exam"),
                missed(DETECTOR, "user alice@exampl... logged in", "user " + M + "... logged in", "alice@exampl"),
                missed(DETECTOR, "user alice@example.c... logged in", "user " + M + "... logged in", "alice@example"),
                missed(DETECTOR, "user alice@ex\u2026 (id 12.5)", "user " + M + "\u2026 (id 12.5)", "alice@ex"),
                missed(DETECTOR, "user alice@example.co...", "user " + M + "...", "alice@example.co"),
                missed(DETECTOR, "from josé@exämple.d", "from " + M, "josé@exämple"));
    }

    /** Not the clean lines, whose whole addresses this detector masks (see {@link #cleanLines}). */
    static Stream<LookAlike> lookAlikes() {
        return lookAlikesOf(DETECTOR, List.of(
                "@Override...",
                "ssh deploy@prod",                          // a user on a host: no mark, one label
                "connect deploy@prod-01",
                "object com.example.Foo@6d06d69c...",      // a hash code, even when cut
                "object Foo@cafe (truncated)...",
                "list [a.b.C@1f2e3d4...",
                "user@example.c was typed",                 // not at the end, no mark
                "user@example.cc1",
                "release v1.2@sha",
                "npm lodash@4.17...",
                "email=john@",
                "email=john@...",
                "a@b.c1",
                "user@exa_mple..."));
    }

    /** The clean lines: their whole addresses are masked as before, nothing else is. */
    static Stream<String> cleanLines() {
        return Redactions.CLEAN_LINES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanLines")
    void builtInEngineLeavesCleanLinesAsTheyWere(String line) {
        assertThat(BUILT_IN.redact(line)).isEqualTo(Redactions.builtInCleanLine(line));
    }


    @Test
    void builtInEngineMasksAnAddressCutByALoneEllipsis() {
        assertThat(BUILT_IN.redact("user alice@ex\u2026")).isEqualTo("user " + M + "\u2026");
    }
}
