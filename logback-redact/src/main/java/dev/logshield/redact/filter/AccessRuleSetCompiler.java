package dev.logshield.redact.filter;

import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.metrics.Meters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@link AccessControlTurboFilter}'s settings into an {@link AccessRuleSet}, reporting every problem
 * (not only the first) as a status error naming the rule; any problem gives an inactive set, which denies
 * everything. Also creates the denial counters, so that every deny rule shows in the metrics from the start.
 */
final class AccessRuleSetCompiler {

    private static final List<String> RESERVED_IDS =
            List.of(AccessRuleSet.NOT_STARTED, AccessRuleSet.INTERNAL_ERROR, AccessRuleSet.DEFAULT);

    private final ContextAware status;
    private final Meters meters;

    AccessRuleSetCompiler(ContextAware status, Meters meters) {
        this.status = status;
        this.meters = meters;
    }

    /** An inactive set whose only counts are the reserved ones. */
    static AccessRuleSet inactive(Meters meters) {
        return AccessRuleSet.inactive(reservedCounts(meters));
    }

    AccessRuleSet compile(List<String> rules, String defaultDecision) {
        Map<String, DenialCount> counts = reservedCounts(meters);
        List<String> problems = new ArrayList<>();
        AccessVerb defaultVerb = parseDefaultDecision(defaultDecision, problems);
        List<AccessRule> compiled = compileRules(rules, problems);
        if (!problems.isEmpty()) {
            problems.forEach(status::addError);
            return AccessRuleSet.inactive(counts);
        }
        if (rules.isEmpty()) {
            status.addWarn("AccessControlTurboFilter has no <rule>: every event gets the default decision ("
                    + defaultDecision + ")");
        }
        for (AccessRule rule : compiled) {
            if (rule.verb() == AccessVerb.DENY) {
                counts.put(rule.id(), DenialCount.publishedOn(meters, rule.id()));
            }
        }
        if (defaultVerb == AccessVerb.DENY) {
            counts.put(AccessRuleSet.DEFAULT, DenialCount.publishedOn(meters, AccessRuleSet.DEFAULT));
        }
        warnAboutUnreachableRules(compiled);
        return new AccessRuleSet(true, compiled, counts, defaultVerb);
    }

    private static Map<String, DenialCount> reservedCounts(Meters meters) {
        Map<String, DenialCount> counts = new LinkedHashMap<>();
        counts.put(AccessRuleSet.NOT_STARTED, DenialCount.publishedOn(meters, AccessRuleSet.NOT_STARTED));
        counts.put(AccessRuleSet.INTERNAL_ERROR, DenialCount.publishedOn(meters, AccessRuleSet.INTERNAL_ERROR));
        return counts;
    }

    private static AccessVerb parseDefaultDecision(String defaultDecision, List<String> problems) {
        String value = defaultDecision == null ? "" : defaultDecision.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "neutral":
                return AccessVerb.ALLOW;
            case "deny":
                return AccessVerb.DENY;
            case "accept":
                return AccessVerb.ACCEPT;
            default:
                problems.add("<defaultDecision>" + defaultDecision + "</defaultDecision> is invalid; use neutral"
                        + " (the default), deny or accept");
                return AccessVerb.DENY;
        }
    }

    private static List<AccessRule> compileRules(List<String> rules, List<String> problems) {
        List<AccessRule> compiled = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            int position = i + 1;
            String text = rules.get(i);
            try {
                AccessRule rule = AccessRuleParser.parse(position, text);
                if (RESERVED_IDS.contains(rule.id())) {
                    throw new InvalidRuleException("id '" + rule.id() + "' is reserved (" + RESERVED_IDS + ")");
                }
                Integer earlier = positions.putIfAbsent(rule.id(), position);
                if (earlier != null) {
                    throw new InvalidRuleException("id '" + rule.id() + "' is already used by rule " + earlier
                            + "; rule ids must be unique");
                }
                compiled.add(rule);
            } catch (InvalidRuleException e) {
                problems.add("Invalid <rule> " + position + " \"" + (text == null ? "" : text.strip()) + "\": "
                        + e.getMessage());
            }
        }
        return compiled;
    }

    private void warnAboutUnreachableRules(List<AccessRule> compiled) {
        for (int i = 0; i < compiled.size() - 1; i++) {
            if (compiled.get(i).matchesEverything()) {
                status.addWarn("<rule> " + (i + 1) + " \"" + compiled.get(i).text() + "\" has no condition and"
                        + " matches every event: the " + (compiled.size() - i - 1) + " rule(s) after it are never"
                        + " reached");
                return;
            }
        }
    }
}
