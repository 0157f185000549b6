package dev.logshield.tls.testing;

import ch.qos.logback.classic.LoggerContext;
import java.time.Duration;
import java.util.List;

/**
 * Waits for status messages that the appender's sender thread adds asynchronously (a meter can already show a
 * failure that the status manager does not have yet).
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
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> errors = XmlConfiguredContext.errors(context);
            if (errors.stream().anyMatch(e -> e.contains(text))) {
                return errors;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + timeout + " no status error contains \"" + text + "\"; errors: "
                        + errors);
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
