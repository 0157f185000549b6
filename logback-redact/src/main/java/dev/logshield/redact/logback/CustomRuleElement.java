package dev.logshield.redact.logback;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.policy.CustomRule;
import dev.logshield.redact.policy.PolicyException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <rule>} element of a redacting encoder or layout: a custom detector written in logback.xml.
 *
 * <pre>{@code
 * <rule>
 *   <name>order-id</name>
 *   <pattern>ORD-[0-9]{8}</pattern>
 *   <keywords>ORD-</keywords>        <!-- optional, comma-separated: the rule runs only near these -->
 *   <action>hash</action>            <!-- mask (default) | partial | hash | drop -->
 *   <caseInsensitive>false</caseInsensitive>
 * </rule>
 * }</pre>
 * Patterns use RE2 syntax (linear-time matching: no backreferences or lookaround).
 */
public final class CustomRuleElement {

    private String name;
    private String pattern;
    private final List<String> keywords = new ArrayList<>();
    private String action = "mask";
    private boolean caseInsensitive;

    public void setName(String name) {
        this.name = name;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** Comma-separated keywords; may be repeated. */
    public void setKeywords(String csv) {
        for (String k : csv.split(",")) {
            if (!k.isBlank()) {
                keywords.add(k.trim());
            }
        }
    }

    public void addKeyword(String keyword) {
        setKeywords(keyword);
    }

    public void setAction(String action) {
        this.action = action;
    }

    public void setCaseInsensitive(boolean caseInsensitive) {
        this.caseInsensitive = caseInsensitive;
    }

    /** Validates the element and turns it into a policy rule. */
    CustomRule toRule() throws PolicyException {
        if (name == null || name.isBlank()) {
            throw new PolicyException("a <rule> needs a <name>");
        }
        if (pattern == null || pattern.isEmpty()) {
            throw new PolicyException("rule '" + name + "' needs a <pattern>");
        }
        Action a = Action.parse(action);
        if (a == null) {
            throw new PolicyException("rule '" + name + "': unknown action '" + action + "' (use mask, partial, hash or drop)");
        }
        return new CustomRule(name.trim(), pattern, List.copyOf(keywords), a, caseInsensitive);
    }

    @Override
    public String toString() {
        return name + "|" + pattern + "|" + keywords + "|" + action + "|" + caseInsensitive;
    }
}
