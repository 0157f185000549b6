package dev.logshield.redact.logback;

import ch.qos.logback.core.Context;
import java.util.Objects;

/**
 * The redaction settings of a LogShield component that lives outside this package (the JSON encoder and
 * generator decorator in {@code dev.logshield.redact.json}): the same elements as
 * {@link RedactingPatternLayoutEncoder} takes, and the same sharing of compiled engines, so that a JSON appender
 * and a pattern appender configured alike scan with one engine.
 *
 * <p>Components forward their Joran setters here and call {@link #engineFor(Context)} in {@code start()}.
 */
public final class RedactionOptions {

    private final RedactionSettings settings = new RedactionSettings();

    /** Policy file: {@code classpath:policy.yaml}, {@code file:/etc/app/policy.json} or a path. Default: none. */
    public void setPolicy(String location) {
        settings.setPolicy(location);
    }

    /** Switches a built-in detector or changes its action: {@code email: partial}. Repeatable. */
    public void addDetector(String compact) {
        settings.addDetector(compact);
    }

    /** A custom rule. Repeatable. */
    public void addRule(CustomRuleElement rule) {
        settings.addRule(rule);
    }

    /** Extra key names whose values are always masked (comma-separated). Repeatable. */
    public void addSensitiveKey(String names) {
        settings.addSensitiveKey(names);
    }

    /** Key for the {@code hash} action. Default: none. */
    public void setHashKey(HashKeyElement hashKey) {
        settings.setHashKey(hashKey);
    }

    /** How often a policy file is checked for changes; 0 turns reloading off. Default 30. */
    public void setPolicyRefreshSeconds(int seconds) {
        settings.setPolicyRefreshSeconds(seconds);
    }

    /** Micrometer registry: {@code global} (default), {@code none}, or a registered name. */
    public void setMetricsRegistry(String name) {
        settings.setMetricsRegistry(name);
    }

    /** The Micrometer registry name in force ({@code global} unless configured). */
    public String metricsRegistry() {
        return settings.metricsRegistry();
    }

    /**
     * The context's shared engine for these settings, compiled on first use; problems (unknown detector,
     * unreadable policy) are reported to the context's status manager and built-in redaction stays on.
     */
    public RedactionEngineHandle engineFor(Context context) {
        Objects.requireNonNull(context, "context");
        return new RedactionEngineHandle(RedactionEngineRegistry.engineFor(context, settings));
    }
}
