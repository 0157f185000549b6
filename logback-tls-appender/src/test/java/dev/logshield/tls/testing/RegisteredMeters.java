package dev.logshield.tls.testing;

import dev.logshield.metrics.MicrometerRegistries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Micrometer registry registered under a name for one test, as an application registers its own, so that
 * logback.xml can name it in {@code <metricsRegistry>}; reads the appender's meters back.
 * <pre>
 * try (RegisteredMeters meters = RegisteredMeters.register("my-test")) {
 *     ... configure with registry=meters.name() ...
 *     meters.count("logshield.tls.handshake_failures", "reason", "pin");
 * }
 * </pre>
 */
public final class RegisteredMeters implements AutoCloseable {

    private final String name;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private RegisteredMeters(String name) {
        this.name = name;
        MicrometerRegistries.register(name, registry);
    }

    public static RegisteredMeters register(String name) {
        return new RegisteredMeters(name);
    }

    public String name() {
        return name;
    }

    /** The sum of the counters named {@code meter} with these tags (key/value pairs); 0 when there is none. */
    public long count(String meter, String... tags) {
        return Math.round(registry.find(meter).tags(tags).counters().stream().mapToDouble(Counter::count).sum());
    }

    /** Counter values of {@code meter} by the value of {@code tag}, e.g. drops by reason. */
    public Map<String, Long> countsBy(String meter, String tag) {
        Map<String, Long> counts = new TreeMap<>();
        for (Counter counter : registry.find(meter).counters()) {
            counts.merge(String.valueOf(counter.getId().getTag(tag)), Math.round(counter.count()), Long::sum);
        }
        return counts;
    }

    /** The value of the gauge {@code meter} with these tags; NaN when there is none. */
    public double gauge(String meter, String... tags) {
        Gauge gauge = registry.find(meter).tags(tags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    @Override
    public void close() {
        MicrometerRegistries.unregister(name);
        registry.close();
    }
}
