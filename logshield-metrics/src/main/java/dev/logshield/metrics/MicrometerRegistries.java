package dev.logshield.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named Micrometer registries for applications that do not want LogShield's meters in
 * {@code Metrics.globalRegistry}: register one at start-up, before Logback is configured, and name it in
 * logback.xml with {@code <metricsRegistry>name</metricsRegistry>}. Requires micrometer-core.
 */
public final class MicrometerRegistries {

    private static final Map<String, MeterRegistry> REGISTRIES = new ConcurrentHashMap<>();

    private MicrometerRegistries() {
    }

    /** Makes {@code registry} available under {@code name} (not {@code global} or {@code none}). */
    public static void register(String name, MeterRegistry registry) {
        if (Meters.GLOBAL.equals(name) || Meters.NONE.equals(name)) {
            throw new IllegalArgumentException("'" + name + "' is reserved");
        }
        REGISTRIES.put(name, registry);
    }

    /** Removes the registry named {@code name}. */
    public static void unregister(String name) {
        REGISTRIES.remove(name);
    }

    static MeterRegistry lookup(String name) {
        return REGISTRIES.get(name);
    }

    /** The names registered now, sorted. */
    static Set<String> names() {
        return new TreeSet<>(REGISTRIES.keySet());
    }
}
