package dev.logshield.metrics;

import java.util.function.Consumer;

/**
 * Where LogShield components publish their metrics. Obtain one with {@link #forRegistry(String, String, Consumer)};
 * when micrometer-core is not on the classpath every meter is a no-op and no Micrometer class is ever loaded.
 *
 * <p>Components take the registry name from logback.xml ({@code <metricsRegistry>global</metricsRegistry>}):
 * {@code global} (default) is Micrometer's {@code Metrics.globalRegistry}, to which Spring Boot adds its own
 * registry; {@code none} turns metrics off; any other name is a registry the application registered with
 * {@code MicrometerRegistries.register(name, registry)}.
 */
public interface Meters {

    /** Default registry name: Micrometer's global composite registry. */
    String GLOBAL = "global";
    /** Registry name that turns metrics off. */
    String NONE = "none";

    /** Meters that record nothing. */
    Meters NOOP = new Meters() {
        @Override
        public EventCounter counter(String name, String description, String... tags) {
            return EventCounter.NOOP;
        }

        @Override
        public <T> void gauge(String name, String description, T owner, java.util.function.ToDoubleFunction<T> value,
                              String... tags) {
        }
    };

    /** A counter; {@code tags} are key/value pairs. Equal name and tags give the same underlying counter. */
    EventCounter counter(String name, String description, String... tags);

    /** A gauge reading {@code value} from {@code owner} (held weakly by Micrometer). */
    <T> void gauge(String name, String description, T owner, java.util.function.ToDoubleFunction<T> value, String... tags);

    /**
     * The meters for {@code registryName} (null or blank means {@link #GLOBAL}); {@link #NOOP} when Micrometer
     * is absent or the name is {@link #NONE}. An unknown name also gives {@link #NOOP}: components configured from
     * logback.xml use {@link #forRegistry(String, String, Consumer)}, which reports it.
     */
    static Meters forRegistry(String registryName) {
        String name = registryName == null || registryName.isBlank() ? GLOBAL : registryName.trim();
        if (NONE.equals(name) || !MicrometerPresence.AVAILABLE) {
            return NOOP;
        }
        return MicrometerMeters.forRegistry(name);
    }

    /**
     * The meters for a component's {@code <metricsRegistry>}, as {@link #forRegistry(String)}; a name that is not
     * known (misspelt, or registered too late) is never taken silently: {@code warnings} gets one message naming it,
     * the names that are known and how to register one, and the component goes on with its metrics off. Components
     * call it from {@code start()} with their {@code addWarn}:
     * <pre>{@code
     * Meters meters = Meters.forRegistry(metricsRegistry, "MtlsAppender [" + name + "]", this::addWarn);
     * }</pre>
     *
     * @param component who asks, as the warning names it, e.g. {@code MtlsAppender [SHIP]}
     */
    static Meters forRegistry(String registryName, String component, Consumer<String> warnings) {
        if (!isKnownRegistry(registryName)) {
            warnings.accept(UnknownRegistry.warning(registryName.trim(), component));
        }
        return forRegistry(registryName);
    }

    /** True when Micrometer is present and {@code registryName} names a registry (or global/none). */
    static boolean isKnownRegistry(String registryName) {
        String name = registryName == null || registryName.isBlank() ? GLOBAL : registryName.trim();
        if (NONE.equals(name) || GLOBAL.equals(name)) {
            return true;
        }
        return MicrometerPresence.AVAILABLE && MicrometerMeters.hasRegistry(name);
    }

    /** True when micrometer-core is on the classpath. */
    static boolean micrometerAvailable() {
        return MicrometerPresence.AVAILABLE;
    }
}
