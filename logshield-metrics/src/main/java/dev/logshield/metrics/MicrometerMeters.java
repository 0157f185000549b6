package dev.logshield.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** {@link Meters} on a Micrometer registry. Loaded only when Micrometer is on the classpath. */
final class MicrometerMeters implements Meters {

    private final MeterRegistry registry;

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    static Meters forRegistry(String name) {
        if (GLOBAL.equals(name)) {
            return new MicrometerMeters(Metrics.globalRegistry);
        }
        MeterRegistry named = MicrometerRegistries.lookup(name);
        return named == null ? NOOP : new MicrometerMeters(named);
    }

    static boolean hasRegistry(String name) {
        return MicrometerRegistries.lookup(name) != null;
    }

    static Set<String> registeredNames() {
        return MicrometerRegistries.names();
    }

    @Override
    public EventCounter counter(String name, String description, String... tags) {
        Counter counter = Counter.builder(name).description(description).tags(tags).register(registry);
        return new EventCounter() {
            @Override
            public void increment() {
                counter.increment();
            }

            @Override
            public void increment(long amount) {
                counter.increment(amount);
            }
        };
    }

    @Override
    public <T> void gauge(String name, String description, T owner, ToDoubleFunction<T> value, String... tags) {
        Gauge.builder(name, owner, value).description(description).tags(tags).register(registry);
    }
}
