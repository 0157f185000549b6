package dev.logshield.tls.receiver;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The receiver context's appender in tests: keeps every event handed to it (the receiver's output), optionally
 * taking {@code <delayMillis>} per event, after keeping it, to play a slow appender.
 */
public class ReceivedEvents extends AppenderBase<ILoggingEvent> {

    private final List<ILoggingEvent> events = new ArrayList<>();
    private long delayMillis;

    public void setDelayMillis(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    @Override
    protected void append(ILoggingEvent event) {
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public List<ILoggingEvent> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** Waits until at least {@code count} events arrived; returns them all. */
    public List<ILoggingEvent> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (events.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("within " + timeout + " only " + events.size() + " of " + count
                            + " events arrived: " + messages(events));
                }
                try {
                    events.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
            return new ArrayList<>(events);
        }
    }

    private static List<String> messages(List<ILoggingEvent> events) {
        List<String> out = new ArrayList<>();
        for (int i = Math.max(0, events.size() - 5); i < events.size(); i++) {
            out.add(events.get(i).getFormattedMessage());
        }
        return out;
    }
}
