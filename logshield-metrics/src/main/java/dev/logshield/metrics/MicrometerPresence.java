package dev.logshield.metrics;

/** Detects micrometer-core without loading any of its classes into LogShield's own. */
final class MicrometerPresence {

    static final boolean AVAILABLE = detect();

    private MicrometerPresence() {
    }

    private static boolean detect() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, MicrometerPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
