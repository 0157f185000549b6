package dev.logshield.redact.engine;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import java.util.Map;
import java.util.Set;

/**
 * The built-in detectors {@link PolicyCompiler} may switch on: their names in priority order, how to build
 * one from its options, and what each does by default.
 */
public interface DetectorCatalog {

    /** Built-in detector names, in priority order (earlier wins on overlapping findings). */
    Set<String> names();

    /**
     * Builds detector {@code name} with {@code options} (empty for defaults). {@code keys} is the policy's
     * sensitive key matcher, used by detectors that look at key names ({@code secret}).
     *
     * @throws IllegalArgumentException with a clear message for an unknown option or a bad option value
     */
    Detector create(String name, Map<String, String> options, SensitiveKeyMatcher keys);

    /** The action detector {@code name} takes unless the policy says otherwise. */
    Action defaultAction(String name);
}
