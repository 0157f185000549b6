package dev.logshield.redact.logback;

import ch.qos.logback.core.Context;
import dev.logshield.redact.policy.DetectorSetting;
import dev.logshield.redact.policy.PolicyException;
import dev.logshield.redact.policy.RedactionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a redacting component was told in logback.xml: the policy file, the inline detector switches, custom
 * rules, extra sensitive key names, the hash key and the metrics registry. Every LogShield component that
 * redacts (pattern layout and encoder here, JSON encoder and decorator in {@code dev.logshield.redact.json})
 * forwards its Joran setters to one of these and calls {@link #engineFor(Context)} in {@code start()}. Components
 * with equal settings share one compiled engine (see {@link RedactionEngineRegistry}), so an event is scanned
 * once, not once per appender.
 */
public final class RedactionSettings {

    static final int DEFAULT_POLICY_REFRESH_SECONDS = 30;

    private String policyLocation;
    private final List<String> detectors = new ArrayList<>();
    private final List<CustomRuleElement> rules = new ArrayList<>();
    private final List<String> sensitiveKeys = new ArrayList<>();
    private HashKeyElement hashKey;
    private int policyRefreshSeconds = DEFAULT_POLICY_REFRESH_SECONDS;
    private String metricsRegistry = "global";
    private boolean enabled = true;
    private boolean policyGiven;

    /**
     * Whether the component redacts at all; default true. Only the components that take a nested
     * {@code <redaction>} element read it; switching it off makes them log a status WARN naming the risk.
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** False when {@code <enabled>false</enabled>} switched redaction off. */
    public boolean enabled() {
        return enabled;
    }

    /** Micrometer registry: {@code global} (default), {@code none}, or a registered name. */
    public void setMetricsRegistry(String name) {
        this.metricsRegistry = name == null || name.isBlank() ? "global" : name.trim();
    }

    /** The Micrometer registry name in force ({@code global} unless configured). */
    public String metricsRegistry() {
        return metricsRegistry;
    }

    /** Policy file: {@code classpath:policy.yaml}, {@code file:/etc/app/policy.json} or a path. Default: none. */
    public void setPolicy(String location) {
        this.policyLocation = location == null || location.isBlank() ? null : location.trim();
        this.policyGiven = true;
    }

    /**
     * Uses the context's shared policy (the {@code logshield.redaction.policy} property, when set) unless
     * {@code <policy>} was given: what components with a nested {@code <redaction>} element do by default.
     */
    void defaultPolicyFrom(Context context) {
        if (!policyGiven && context != null) {
            String shared = context.getProperty(RedactionEngineRegistry.DEFAULT_POLICY_PROPERTY);
            this.policyLocation = shared == null || shared.isBlank() ? null : shared.trim();
        }
    }

    String policyLocation() {
        return policyLocation;
    }

    /** Switches a built-in detector or changes its action: {@code email: partial}. Repeatable. */
    public void addDetector(String compact) {
        detectors.add(compact);
    }

    /** A custom rule. Repeatable. */
    public void addRule(CustomRuleElement rule) {
        rules.add(rule);
    }

    /** Extra key names whose values are always masked (comma-separated). Repeatable. */
    public void addSensitiveKey(String csv) {
        for (String k : csv.split(",")) {
            if (!k.isBlank()) {
                sensitiveKeys.add(k.trim());
            }
        }
    }

    /** Key for the {@code hash} action. Default: none (hash rules mask, with a status warning). */
    public void setHashKey(HashKeyElement hashKey) {
        this.hashKey = hashKey;
    }

    /** How often a policy file is checked for changes; 0 turns reloading off. Default 30. */
    public void setPolicyRefreshSeconds(int seconds) {
        this.policyRefreshSeconds = seconds;
    }

    int policyRefreshSeconds() {
        return policyRefreshSeconds;
    }

    /** The inline part as a policy; each invalid element is reported to {@code errors} and skipped. */
    RedactionPolicy inlinePolicy(Consumer<String> errors) {
        RedactionPolicy.Builder b = RedactionPolicy.builder();
        for (String d : detectors) {
            try {
                b.detector(DetectorSetting.parse(d));
            } catch (PolicyException e) {
                errors.accept("<detector>" + d + "</detector>: " + e.getMessage());
            }
        }
        for (CustomRuleElement r : rules) {
            try {
                b.rule(r.toRule());
            } catch (PolicyException e) {
                errors.accept(e.getMessage());
            }
        }
        sensitiveKeys.forEach(b::sensitiveKey);
        if (hashKey != null) {
            try {
                b.hashKey(hashKey.toSpec());
            } catch (PolicyException e) {
                errors.accept(e.getMessage());
            }
        }
        return b.build();
    }

    /** Identity of these settings: equal keys may share one compiled engine. */
    String identity() {
        return policyLocation + "#" + detectors + "#" + rules + "#" + sensitiveKeys + "#" + hashKey + "#" + policyRefreshSeconds + "#" + metricsRegistry;
    }

    /**
     * The context's shared engine for these settings, compiled on first use; problems (unknown detector,
     * unreadable policy) are reported to the context's status manager and built-in redaction stays on.
     */
    public RedactionEngineHandle engineFor(Context context) {
        Objects.requireNonNull(context, "context");
        return new RedactionEngineHandle(RedactionEngineRegistry.engineFor(context, this));
    }
}
