package dev.logshield.benchmarks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The setup check stops a run whose output leaks a canary or lacks a mask, and quotes only the output around the
 * problem: a megabyte of output in an exception message would bury it.
 */
class AdversarialSetupCheckFailsOnALeakTest {

    private static final String LONG = "@".repeat(1_000_000);

    @Test
    void aLeakedSecretFailsWithAnExcerptAroundIt() {
        String output = LONG + "\nalice.martin@example.com" + LONG;
        assertThatThrownBy(() -> SetupChecks.requireMasked("s", output, List.of(), List.of("alice.martin@example.com")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the secret 'alice.martin@example.com' leaked")
                .hasMessageContaining("(2000025 characters)")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage().length()).isLessThan(700));
    }

    @Test
    void aMissingMaskFailsWithTheEndOfTheOutput() {
        String output = LONG + "\nclient 192.0.2.17";
        assertThatThrownBy(() -> SetupChecks.requireMasked("s", output, List.of("[REDACTED:ipv4]"), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected '[REDACTED:ipv4]'")
                .hasMessageContaining("client 192.0.2.17")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage().length()).isLessThan(700));
    }
}
