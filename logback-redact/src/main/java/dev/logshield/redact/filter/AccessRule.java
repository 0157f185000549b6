package dev.logshield.redact.filter;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.spi.MDCAdapter;

/**
 * One compiled {@code <rule>}: a verb, an id for metrics, and conditions that must all hold (none: the rule
 * matches every event). Immutable; conditions are held cheapest first.
 */
final class AccessRule {

    private final String id;
    private final AccessVerb verb;
    private final String text;
    private final Condition[] conditions;

    AccessRule(String id, AccessVerb verb, String text, Condition[] conditions) {
        this.id = id;
        this.verb = verb;
        this.text = text;
        this.conditions = conditions.clone();
    }

    String id() {
        return id;
    }

    AccessVerb verb() {
        return verb;
    }

    /** The rule as written in logback.xml. */
    String text() {
        return text;
    }

    boolean matchesEverything() {
        return conditions.length == 0;
    }

    boolean matches(String loggerName, int level, Marker marker, List<Marker> markers, MDCAdapter mdc) {
        for (Condition condition : conditions) {
            if (!condition.test(loggerName, level, marker, markers, mdc)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return id + ": " + text;
    }
}
