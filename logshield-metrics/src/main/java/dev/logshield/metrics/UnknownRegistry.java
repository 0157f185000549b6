package dev.logshield.metrics;

import java.util.Set;

/**
 * The one warning every LogShield component gives for a {@code <metricsRegistry>} name that names no registry: what
 * was asked, what is known, and how to make the name known, so that a typo is fixed from the status alone.
 */
final class UnknownRegistry {

    private UnknownRegistry() {
    }

    static String warning(String name, String component) {
        String asked = "<metricsRegistry> '" + name + "' of " + component + " names no Micrometer registry, so its"
                + " metrics are off: ";
        if (!Meters.micrometerAvailable()) {
            return asked + "micrometer-core is not on the classpath; add it, or say <metricsRegistry>"
                    + Meters.NONE + "</metricsRegistry>";
        }
        Set<String> registered = MicrometerMeters.registeredNames();
        return asked + "known are '" + Meters.GLOBAL + "' (Micrometer's Metrics.globalRegistry), '" + Meters.NONE
                + "' (metrics off)" + (registered.isEmpty() ? " and no registered name"
                : " and the registered " + registered) + "; an application registers its own before Logback is"
                + " configured with dev.logshield.metrics.MicrometerRegistries.register(\"" + name + "\", registry)";
    }
}
