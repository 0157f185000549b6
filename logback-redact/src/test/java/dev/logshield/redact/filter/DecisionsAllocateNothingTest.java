package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import dev.logshield.redact.testing.QuietestRound;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.DefaultLoggingEvent;

/**
 * Deciding allocates nothing, through both {@code decide} methods, whatever the outcome (deny, allow, accept,
 * default) and with every kind of condition (general logger and value globs, levels, nested markers, MDC). The
 * JIT may allocate a few bytes once when it swaps compiled code in, and removes the iterators only once the
 * optimising compiler has run, so the quietest of the rounds (repeated for up to 10 s) must be zero.
 */
class DecisionsAllocateNothingTest {

    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void decidingAllocatesNothing() {
        try (LogbackHarness logback = LogbackHarness.configure("DecisionsAllocateNothingTest", dir)) {
            AccessControlTurboFilter filter = logback.filter();
            Logger internal = logback.context.getLogger("com.acme.internal.Cache");
            Logger other = logback.context.getLogger("org.example.Service");
            Logger security = logback.context.getLogger("com.acme.security.Auth");
            Marker sensitive = MarkerFactory.getDetachedMarker("SENSITIVE");
            Marker wrapper = MarkerFactory.getDetachedMarker("WRAPPER");
            wrapper.add(sensitive);
            DefaultLoggingEvent fluent = new DefaultLoggingEvent(org.slf4j.event.Level.INFO, other);
            fluent.addMarker(MarkerFactory.getDetachedMarker("OTHER"));
            fluent.addMarker(wrapper);
            MDC.put("user", "bob");
            MDC.put("tenant", "globex");

            assertThat(decideAll(filter, internal, other, security, wrapper, fluent)).isEqualTo(
                    FilterReply.DENY.ordinal() + FilterReply.DENY.ordinal() + FilterReply.ACCEPT.ordinal()
                            + FilterReply.NEUTRAL.ordinal() + FilterReply.DENY.ordinal());
            for (int warm = 0; warm < 200_000; warm++) {
                decideAll(filter, internal, other, security, wrapper, fluent);
            }
            long quietest = QuietestRound.bytes(ROUNDS, () -> {
                for (int i = 0; i < 1_000; i++) {
                    decideAll(filter, internal, other, security, wrapper, fluent);
                }
            });
            assertThat(quietest).as("bytes allocated in the quietest round").isZero();
            assertThat(filter.deniedBy("internal-error")).isZero();
        }
    }

    private static int decideAll(AccessControlTurboFilter filter, Logger internal, Logger other, Logger security,
                                 Marker wrapper, DefaultLoggingEvent fluent) {
        return filter.decide(null, internal, Level.DEBUG, "cache {}", null, null).ordinal()   // deny#internal
                + filter.decide(wrapper, other, Level.INFO, "x", null, null).ordinal()      // deny#sensitive
                + filter.decide(null, security, Level.ERROR, "x", null, null).ordinal()     // accept
                + filter.decide(null, other, Level.INFO, "x", null, null).ordinal()         // default
                + filter.decide(other, fluent).ordinal();                                  // deny#sensitive
    }
}
