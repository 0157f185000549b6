package dev.logshield.tls.testing;

import java.time.Duration;

/**
 * How long the fixtures wait for a condition that is expected to come (an event delivered, a counter reached, a
 * thread ended): what the test asks, but never less than {@link #FLOOR}. A test states about how long the condition
 * takes; on a busy machine (parallel builds sharing two cores) it can come several seconds late, and waiting longer
 * costs nothing unless the test is failing anyway. Not for waits that are expected to run out (an observation window,
 * a read that must time out): those take their time as given.
 */
public final class Waits {

    /** The least any expected condition is waited for. */
    public static final Duration FLOOR = Duration.ofSeconds(30);

    private Waits() {
    }

    /** {@code asked}, or {@link #FLOOR} when that is longer. */
    public static Duration generous(Duration asked) {
        return asked.compareTo(FLOOR) < 0 ? FLOOR : asked;
    }
}
