package dev.logshield.redact.logback;

import ch.qos.logback.core.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-context registry of compiled engines, keyed by their settings, so that every component configured
 * alike shares one engine (and its per-thread memo). Lives in the context's object map and so goes away
 * when the context is reset or reconfigured.
 */
final class RedactionEngineRegistry {

    static final String CONTEXT_KEY = "dev.logshield.redact.engines";
    /** Context property naming the policy used by converters registered with {@code conversionRule}. */
    static final String DEFAULT_POLICY_PROPERTY = "logshield.redaction.policy";

    private final Map<String, SharedRedactionEngine> engines = new ConcurrentHashMap<>();

    static SharedRedactionEngine engineFor(Context context, RedactionSettings settings) {
        RedactionEngineRegistry registry;
        synchronized (RedactionEngineRegistry.class) {
            registry = (RedactionEngineRegistry) context.getObject(CONTEXT_KEY);
            if (registry == null) {
                registry = new RedactionEngineRegistry();
                context.putObject(CONTEXT_KEY, registry);
            }
        }
        return registry.engines.computeIfAbsent(settings.identity(), k -> new SharedRedactionEngine(context, settings));
    }

    /** The engine for converters used outside a redacting layout: built-ins plus the context's default policy. */
    static SharedRedactionEngine defaultEngine(Context context) {
        RedactionSettings settings = new RedactionSettings();
        settings.setPolicy(context.getProperty(DEFAULT_POLICY_PROPERTY));
        return engineFor(context, settings);
    }
}
