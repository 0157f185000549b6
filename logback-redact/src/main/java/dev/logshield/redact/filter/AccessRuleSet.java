package dev.logshield.redact.filter;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.spi.MDCAdapter;

/**
 * Everything an {@link AccessControlTurboFilter} decides with, built once in {@code start()} and swapped in
 * whole: the ordered rules, the default verb, and the denial counts by rule id. An inactive set (not started,
 * invalid configuration, stopped) denies every event. Immutable apart from the counts.
 */
final class AccessRuleSet {

    /** Rule id under which events are counted while the filter is not started (invalid configuration). */
    static final String NOT_STARTED = "not-started";
    /** Rule id under which events are counted that could not be evaluated (internal error). */
    static final String INTERNAL_ERROR = "internal-error";
    /** Rule id under which events are counted that no rule matched and {@code defaultDecision=deny} denied. */
    static final String DEFAULT = "default";

    final boolean active;
    private final AccessRule[] rules;
    /** Aligned with {@link #rules}; null for allow and accept rules. */
    private final DenialCount[] denials;
    private final AccessVerb defaultVerb;
    private final DenialCount defaultDenials;
    final DenialCount notStarted;
    final DenialCount internalError;
    private final Map<String, DenialCount> byId;

    AccessRuleSet(boolean active, List<AccessRule> rules, Map<String, DenialCount> byId, AccessVerb defaultVerb) {
        this.active = active;
        this.rules = rules.toArray(new AccessRule[0]);
        this.denials = new DenialCount[this.rules.length];
        for (int i = 0; i < this.rules.length; i++) {
            this.denials[i] = byId.get(this.rules[i].id());
        }
        this.defaultVerb = defaultVerb;
        this.defaultDenials = byId.get(DEFAULT);
        this.notStarted = byId.get(NOT_STARTED);
        this.internalError = byId.get(INTERNAL_ERROR);
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** A set that denies everything, counting under {@link #NOT_STARTED}; {@code byId} must hold it. */
    static AccessRuleSet inactive(Map<String, DenialCount> byId) {
        return new AccessRuleSet(false, List.of(), byId, AccessVerb.DENY);
    }

    /** This set's counts, deciding nothing: what a stopped filter keeps. */
    AccessRuleSet deactivated() {
        return new AccessRuleSet(false, List.of(), byId, AccessVerb.DENY);
    }

    /** The verb of the first matching rule, else the default; counts the denial. Requires {@link #active}. */
    AccessVerb decide(String loggerName, int level, Marker marker, List<Marker> markers, MDCAdapter mdc) {
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].matches(loggerName, level, marker, markers, mdc)) {
                AccessVerb verb = rules[i].verb();
                if (verb == AccessVerb.DENY) {
                    denials[i].record();
                }
                return verb;
            }
        }
        if (defaultVerb == AccessVerb.DENY) {
            defaultDenials.record();
        }
        return defaultVerb;
    }

    long deniedBy(String ruleId) {
        DenialCount count = ruleId == null ? null : byId.get(ruleId);
        return count == null ? 0 : count.count();
    }
}
