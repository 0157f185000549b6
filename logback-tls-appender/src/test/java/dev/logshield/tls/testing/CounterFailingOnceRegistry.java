package dev.logshield.tls.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An application's Micrometer registry whose counter named {@code meter} throws an {@link IllegalStateException} the
 * first time it is incremented, and counts normally after that: a component the appender calls on its sender thread
 * that fails once, as a registry rejecting a meter or a broken exporter can. Register it with
 * {@link TestMeters#register(SimpleMeterRegistry)}:
 * <pre>
 * try (TestMeters meters = TestMeters.register(new CounterFailingOnceRegistry("logshield.tls.sent"))) { ... }
 * </pre>
 */
public final class CounterFailingOnceRegistry extends SimpleMeterRegistry {

    /** The message of the exception thrown. */
    public static final String FAILURE = "this registry fails once";

    private final String meter;
    private final AtomicBoolean failed = new AtomicBoolean();

    public CounterFailingOnceRegistry(String meter) {
        this.meter = meter;
    }

    @Override
    protected Counter newCounter(Meter.Id id) {
        Counter counter = super.newCounter(id);
        if (!id.getName().equals(meter)) {
            return counter;
        }
        return new Counter() {
            @Override
            public void increment(double amount) {
                if (failed.compareAndSet(false, true)) {
                    throw new IllegalStateException(FAILURE);
                }
                counter.increment(amount);
            }

            @Override
            public double count() {
                return counter.count();
            }

            @Override
            public Meter.Id getId() {
                return counter.getId();
            }
        };
    }
}
