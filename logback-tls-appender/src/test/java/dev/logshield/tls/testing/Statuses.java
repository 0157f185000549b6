package dev.logshield.tls.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Waits for status messages that a component's own threads add asynchronously (a meter can already show a failure
 * that the status manager does not have yet), for the time asked but {@link Waits#generous at least 30 s}.
 */
public final class Statuses {

    private Statuses() {
    }

    /**
     * Waits until a status error contains {@code text}; returns every error then.
     *
     * @throws AssertionError listing the errors when none does in time
     */
    public static List<String> awaitError(LoggerContext context, String text, Duration timeout) {
        return await(context, Status.ERROR, e -> e.contains(text), "error contains \"" + text + "\"", timeout);
    }

    /**
     * Waits until a status warning or error satisfies {@code condition}; returns every warning and error then.
     *
     * @throws AssertionError listing them when none does in time
     */
    public static List<String> awaitWarning(LoggerContext context, Predicate<String> condition, Duration timeout) {
        return await(context, Status.WARN, condition, "warning is as expected", timeout);
    }

    private static List<String> await(LoggerContext context, int level, Predicate<String> condition, String what,
            Duration asked) {
        Duration timeout = Waits.generous(asked);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> statuses = XmlConfiguredContext.statuses(context, level);
            if (statuses.stream().anyMatch(condition)) {
                return statuses;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + timeout + " no status " + what + "; got: " + statuses);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
