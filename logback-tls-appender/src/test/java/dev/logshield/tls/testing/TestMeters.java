package dev.logshield.tls.testing;

import dev.logshield.metrics.MicrometerRegistries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoublePredicate;

/**
 * A fresh {@link SimpleMeterRegistry} registered under a unique name with {@link MicrometerRegistries}, for a
 * logback.xml that says {@code <metricsRegistry>${registry}</metricsRegistry>}; reads the appender's meters by name
 * and tags.
 * <pre>
 * try (TestMeters meters = TestMeters.register()) {
 *     ... configure with Map.of("registry", meters.name(), ...) ...
 *     meters.count("logshield.tls.dropped", "reason", "queue-full");
 * }
 * </pre>
 */
public final class TestMeters implements AutoCloseable {

    private static final AtomicLong NEXT = new AtomicLong();

    private final String name;
    private final SimpleMeterRegistry registry;

    private TestMeters(String name, SimpleMeterRegistry registry) {
        this.name = name;
        this.registry = registry;
        MicrometerRegistries.register(name, registry);
    }

    /** A new registry under a name no other test uses. */
    public static TestMeters register() {
        return register(new SimpleMeterRegistry());
    }

    /** {@code registry} (an application's own, behaving in some particular way) under a name no other test uses. */
    public static TestMeters register(SimpleMeterRegistry registry) {
        return new TestMeters("test-registry-" + NEXT.incrementAndGet(), registry);
    }

    /** The name to put in {@code <metricsRegistry>}. */
    public String name() {
        return name;
    }

    /** The sum of every counter called {@code meter} carrying the given tags (key, value pairs); 0 when none. */
    public long count(String meter, String... tags) {
        double sum = 0;
        for (Counter counter : registry.find(meter).tags(tags).counters()) {
            sum += counter.count();
        }
        return (long) sum;
    }

    /** The counters called {@code meter}, summed by the value of their tag {@code tag} (e.g. by reason). */
    public Map<String, Long> countsBy(String meter, String tag) {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : registry.find(meter).counters()) {
            counts.merge(String.valueOf(counter.getId().getTag(tag)), (long) counter.count(), Long::sum);
        }
        return counts;
    }

    /** The value of the one gauge called {@code meter} with the given tags; NaN when there is none. */
    public double gauge(String meter, String... tags) {
        Gauge gauge = registry.find(meter).tags(tags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    /**
     * Waits up to {@code timeout} ({@link Waits#generous at least 30 s}) for the gauge to satisfy {@code condition};
     * returns its last value.
     */
    public double awaitGauge(String meter, DoublePredicate condition, Duration timeout, String... tags) {
        long deadline = System.nanoTime() + Waits.generous(timeout).toNanos();
        double value = gauge(meter, tags);
        while (!condition.test(value) && System.nanoTime() < deadline) {
            pause();
            value = gauge(meter, tags);
        }
        return value;
    }

    /**
     * Waits up to {@code timeout} ({@link Waits#generous at least 30 s}) until the counter reaches {@code atLeast};
     * returns its last value.
     */
    public long awaitCount(String meter, long atLeast, Duration timeout, String... tags) {
        long deadline = System.nanoTime() + Waits.generous(timeout).toNanos();
        long value = count(meter, tags);
        while (value < atLeast && System.nanoTime() < deadline) {
            pause();
            value = count(meter, tags);
        }
        return value;
    }

    /**
     * Watches the counter for {@code window} exactly (an observation window, never stretched like the waits above),
     * or until it reaches {@code atLeast}; returns its last value. For tests that show something does <em>not</em>
     * happen within a time.
     */
    public long watchCount(String meter, long atLeast, Duration window, String... tags) {
        long deadline = System.nanoTime() + window.toNanos();
        long value = count(meter, tags);
        while (value < atLeast && System.nanoTime() < deadline) {
            pause();
            value = count(meter, tags);
        }
        return value;
    }

    /** Every meter as {@code name{tags}=value}, for assertion messages. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            StringBuilder line = new StringBuilder(meter.getId().getName()).append('{');
            for (Tag tag : meter.getId().getTags()) {
                line.append(tag.getKey()).append('=').append(tag.getValue()).append(',');
            }
            line.append("}=");
            meter.measure().forEach(m -> line.append(m.getValue()));
            lines.add(line.toString());
        }
        lines.sort(null);
        return lines;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        MicrometerRegistries.unregister(name);
        registry.close();
    }
}
