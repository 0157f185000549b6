package dev.logshield.tls.receiver;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.logshield.tls.testing.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The receiver context's appender in tests: keeps every event handed to it (the receiver's output) with the
 * {@link System#nanoTime()} it arrived at, optionally taking {@code <delayMillis>} per event, after keeping it, to
 * play a slow appender, or waiting after keeping it while the test {@linkplain #hold() holds} it, to play a stalled
 * one until the test {@linkplain #release() releases} it (an interrupt also ends the wait).
 */
public class ReceivedEvents extends AppenderBase<ILoggingEvent> {

    /** An event and when it reached this appender ({@link System#nanoTime()}). */
    public record Arrival(ILoggingEvent event, long nanoTime) {
    }

    private final List<ILoggingEvent> events = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private long delayMillis;
    private final Object gate = new Object();
    private boolean held;

    public void setDelayMillis(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    @Override
    protected void append(ILoggingEvent event) {
        synchronized (events) {
            events.add(event);
            arrivals.add(System.nanoTime());
            events.notifyAll();
        }
        try {
            synchronized (gate) {
                while (held) {
                    gate.wait();
                }
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From now on, each event waits here, once kept, until {@link #release()}. */
    public void hold() {
        synchronized (gate) {
            held = true;
        }
    }

    /** Lets the events held, and the next ones, through. */
    public void release() {
        synchronized (gate) {
            held = false;
            gate.notifyAll();
        }
    }

    public List<ILoggingEvent> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /** Every event so far with its arrival time, in arrival order. */
    public List<Arrival> arrivals() {
        synchronized (events) {
            List<Arrival> all = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                all.add(new Arrival(events.get(i), arrivals.get(i)));
            }
            return all;
        }
    }

    /**
     * Waits until an event with a message satisfying {@code condition} arrived, for {@code timeout} but
     * {@link Waits#generous at least 30 s}; returns the first one.
     */
    public ILoggingEvent await(Predicate<String> condition, Duration asked) {
        Duration timeout = Waits.generous(asked);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (ILoggingEvent event : events) {
                    if (condition.test(event.getFormattedMessage())) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("within " + timeout + " no event of the " + events.size()
                            + " that arrived has the expected message; the last: " + messages(events));
                }
                waitFor(left);
            }
        }
    }

    /** Waits until at least {@code count} events arrived, for {@code timeout} but {@link Waits#generous at least 30 s}; returns them all. */
    public List<ILoggingEvent> await(int count, Duration asked) {
        Duration timeout = Waits.generous(asked);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (events.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("within " + timeout + " only " + events.size() + " of " + count
                            + " events arrived: " + messages(events));
                }
                waitFor(left);
            }
            return new ArrayList<>(events);
        }
    }

    /** Called holding the lock on {@code events}. */
    private void waitFor(long nanos) {
        try {
            events.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
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
