package dev.logshield.redact.policy;

import dev.logshield.redact.engine.SensitiveKeyMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to redact, as configured, before anything is compiled: per-detector settings, custom rules, extra
 * sensitive key words and where the hash key comes from. Immutable; {@link PolicyCompiler} turns it into a
 * {@link dev.logshield.redact.engine.Redactor}.
 *
 * <p>A policy comes from a policy file ({@link PolicyFileLoader}), from logback.xml elements, or both:
 * {@code fromXml.overriddenBy(fromFile)} lets the file refine what the XML says.
 */
public final class RedactionPolicy {

    private static final RedactionPolicy EMPTY = new Builder().build();

    private final Map<String, DetectorSetting> detectors;
    private final List<CustomRule> rules;
    private final List<String> sensitiveKeys;
    private final HashKeySpec hashKey;

    private RedactionPolicy(Map<String, DetectorSetting> detectors, Collection<CustomRule> rules,
                            Collection<String> sensitiveKeys, HashKeySpec hashKey) {
        this.detectors = Collections.unmodifiableMap(new LinkedHashMap<>(detectors));
        this.rules = List.copyOf(rules);
        this.sensitiveKeys = List.copyOf(sensitiveKeys);
        this.hashKey = hashKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No settings: every built-in detector on with its defaults, no custom rules, no hash key. */
    public static RedactionPolicy empty() {
        return EMPTY;
    }

    /** Detector settings by detector name, in the order they were given. */
    public Map<String, DetectorSetting> detectorSettings() {
        return detectors;
    }

    /** Custom rules, in priority order (all after the built-in detectors). */
    public List<CustomRule> customRules() {
        return rules;
    }

    /** Extra sensitive key words, on top of {@link dev.logshield.redact.engine.SensitiveKeyMatcher#DEFAULT_WORDS}. */
    public List<String> sensitiveKeys() {
        return sensitiveKeys;
    }

    public Optional<HashKeySpec> hashKey() {
        return Optional.ofNullable(hashKey);
    }

    /** True when this policy configures nothing. */
    public boolean isEmpty() {
        return detectors.isEmpty() && rules.isEmpty() && sensitiveKeys.isEmpty() && hashKey == null;
    }

    /**
     * Layers {@code other} on top of this policy: its detector settings win by name, its custom rules replace
     * same-named ones in place and are otherwise appended, sensitive keys are unioned, and its hash key wins
     * when it has one.
     */
    public RedactionPolicy overriddenBy(RedactionPolicy other) {
        Objects.requireNonNull(other, "other");
        Map<String, DetectorSetting> d = new LinkedHashMap<>(detectors);
        d.putAll(other.detectors);
        Map<String, CustomRule> r = new LinkedHashMap<>();
        for (CustomRule rule : rules) {
            r.put(rule.name(), rule);
        }
        for (CustomRule rule : other.rules) {
            r.put(rule.name(), rule);
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>(sensitiveKeys);
        keys.addAll(other.sensitiveKeys);
        return new RedactionPolicy(d, r.values(), keys, other.hashKey != null ? other.hashKey : hashKey);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RedactionPolicy)) {
            return false;
        }
        RedactionPolicy p = (RedactionPolicy) o;
        return new ArrayList<>(detectors.values()).equals(new ArrayList<>(p.detectors.values()))
                && rules.equals(p.rules) && sensitiveKeys.equals(p.sensitiveKeys) && Objects.equals(hashKey, p.hashKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(detectors, rules, sensitiveKeys, hashKey);
    }

    @Override
    public String toString() {
        return "RedactionPolicy[detectors=" + detectors.values() + ", rules=" + rules + ", sensitiveKeys="
                + sensitiveKeys + ", hashKey=" + hashKey + "]";
    }

    /**
     * Collects settings. A later setting for the same detector, or a later rule with the same name, replaces
     * the earlier one (keeping its position).
     */
    public static final class Builder {
        private final Map<String, DetectorSetting> detectors = new LinkedHashMap<>();
        private final Map<String, CustomRule> rules = new LinkedHashMap<>();
        private final LinkedHashSet<String> sensitiveKeys = new LinkedHashSet<>();
        private HashKeySpec hashKey;

        private Builder() {
        }

        public Builder detector(DetectorSetting setting) {
            detectors.put(Objects.requireNonNull(setting, "setting").name(), setting);
            return this;
        }

        public Builder rule(CustomRule rule) {
            rules.put(Objects.requireNonNull(rule, "rule").name(), rule);
            return this;
        }

        /** Adds a sensitive key word (written as in keys: {@code x-internal-auth}, {@code pin}). */
        public Builder sensitiveKey(String word) {
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException("sensitive key word must not be empty");
            }
            sensitiveKeys.add(word.strip());
            return this;
        }

        public Builder hashKey(HashKeySpec spec) {
            this.hashKey = spec;
            return this;
        }

        public RedactionPolicy build() {
            return new RedactionPolicy(detectors, rules.values(), sensitiveKeys, hashKey);
        }
    }
}
