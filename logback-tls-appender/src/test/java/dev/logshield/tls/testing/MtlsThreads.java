package dev.logshield.tls.testing;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The appender's own threads (sender and reader, named {@code logshield-mtls-...}), for tests that prove
 * {@code stop()} leaves none behind. Threads are compared by identity, named in failures.
 * <pre>
 * Set&lt;Thread&gt; before = MtlsThreads.alive();
 * ... configure, log, context.stop() ...
 * MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(3));
 * </pre>
 */
public final class MtlsThreads {

    /** The prefix of every thread the appender starts. */
    public static final String PREFIX = "logshield-mtls";

    private MtlsThreads() {
    }

    /** The live threads whose name starts with {@link #PREFIX}. */
    public static Set<Thread> alive() {
        Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith(PREFIX)) {
                threads.add(t);
            }
        }
        return threads;
    }

    /** Names of the live appender threads not in {@code before}. */
    public static List<String> startedSince(Set<Thread> before) {
        return extra(before).stream().map(Thread::getName).sorted().collect(Collectors.toList());
    }

    /** Waits up to {@code timeout} ({@link Waits#generous at least 30 s}) for every appender thread not in {@code before} to end. */
    public static void assertNoneLeft(Set<Thread> before, Duration asked) {
        Duration timeout = Waits.generous(asked);
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Thread> extra = extra(before);
        while (!extra.isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
            extra = extra(before);
        }
        if (!extra.isEmpty()) {
            throw new AssertionError("appender threads still alive " + timeout + " after stop(): "
                    + extra.stream().map(Thread::getName).sorted().collect(Collectors.toList()));
        }
    }

    /**
     * Waits up to {@code timeout} ({@link Waits#generous at least 30 s}) for the appender thread named
     * {@code threadName} (e.g. {@code logshield-mtls-SHIP}, the sender) to be blocked in a socket write, as it is when
     * the collector stopped reading and the TCP window is full: found inside a write in every sample for
     * {@value #BLOCKED_MILLIS} ms, since one sample may catch a write that is merely under way (on a busy machine a
     * thread can be descheduled in the middle of one).
     *
     * @throws AssertionError when it is not in time
     */
    public static void awaitBlockedInSocketWrite(String threadName, Duration asked) {
        Duration timeout = Waits.generous(asked);
        long deadline = System.nanoTime() + timeout.toNanos();
        long writingSince = -1;
        while (System.nanoTime() < deadline) {
            boolean writing = false;
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                writing |= e.getKey().getName().equals(threadName) && inSocketWrite(e.getValue());
            }
            long now = System.nanoTime();
            if (!writing) {
                writingSince = -1;
            } else if (writingSince < 0) {
                writingSince = now;
            } else if (now - writingSince >= BLOCKED_MILLIS * 1_000_000L) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("within " + timeout + " thread " + threadName + " did not block in a socket write");
    }

    /** How long a thread must stay inside a socket write to count as blocked in it. */
    private static final long BLOCKED_MILLIS = 500;

    private static boolean inSocketWrite(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getMethodName().startsWith("write") && frame.getClassName().contains("Socket")) {
                return true;
            }
        }
        return false;
    }

    private static Set<Thread> extra(Set<Thread> before) {
        Set<Thread> now = alive();
        now.removeAll(before);
        return now;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
