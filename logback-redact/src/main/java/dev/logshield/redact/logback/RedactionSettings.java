package dev.logshield.redact.logback;

import dev.logshield.redact.policy.DetectorSetting;
import dev.logshield.redact.policy.PolicyException;
import dev.logshield.redact.policy.RedactionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a redacting encoder or layout was told in logback.xml: the policy file, the inline detector switches,
 * custom rules, extra sensitive key names and the hash key. Two components with equal settings share one
 * compiled engine (see {@link RedactionEngineRegistry}), so an event is scanned once, not once per appender.
 */
final class RedactionSettings {

    static final int DEFAULT_POLICY_REFRESH_SECONDS = 30;

    private String policyLocation;
    private final List<String> detectors = new ArrayList<>();
    private final List<CustomRuleElement> rules = new ArrayList<>();
    private final List<String> sensitiveKeys = new ArrayList<>();
    private HashKeyElement hashKey;
    private int policyRefreshSeconds = DEFAULT_POLICY_REFRESH_SECONDS;
    private String metricsRegistry = "global";

    void setMetricsRegistry(String name) {
        this.metricsRegistry = name == null || name.isBlank() ? "global" : name.trim();
    }

    String metricsRegistry() {
        return metricsRegistry;
    }

    void setPolicy(String location) {
        this.policyLocation = location == null || location.isBlank() ? null : location.trim();
    }

    String policyLocation() {
        return policyLocation;
    }

    void addDetector(String compact) {
        detectors.add(compact);
    }

    void addRule(CustomRuleElement rule) {
        rules.add(rule);
    }

    void addSensitiveKey(String csv) {
        for (String k : csv.split(",")) {
            if (!k.isBlank()) {
                sensitiveKeys.add(k.trim());
            }
        }
    }

    void setHashKey(HashKeyElement hashKey) {
        this.hashKey = hashKey;
    }

    void setPolicyRefreshSeconds(int seconds) {
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
}
