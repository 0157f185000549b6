package dev.logshield.redact.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compiles the text of a {@code <rule>}: {@code VERB[#ID] CONDITION...}, words separated by white space.
 *
 * <ul>
 *   <li>VERB: {@code deny}, {@code allow} or {@code accept}.</li>
 *   <li>ID: letters, digits, {@code . _ -}; without one the rule is {@code rule-N}, N its 1-based position.</li>
 *   <li>CONDITION: {@code logger=GLOB}, {@code logger!=GLOB}, {@code level<X} (also {@code <= > >= = !=}, X one
 *   of TRACE DEBUG INFO WARN ERROR, any case), {@code marker=NAME}, {@code marker!=NAME}, {@code mdc.KEY=GLOB},
 *   {@code mdc.KEY!=GLOB}, {@code mdc.KEY} (the key is present).</li>
 * </ul>
 * Configuration-time code: it may allocate and use regular expressions freely.
 */
final class AccessRuleParser {

    static final String EXAMPLE = "e.g. <rule>deny#payments-debug logger=com.acme.payments.** level&lt;WARN</rule>";

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String OPERATOR_CHARS = "!<>=";

    private AccessRuleParser() {
    }

    /**
     * @param position 1-based position of the rule among the filter's rules (names rules without an id)
     * @param text     the rule as written
     */
    static AccessRule parse(int position, String text) throws InvalidRuleException {
        String rule = text == null ? "" : text.strip();
        if (rule.isEmpty()) {
            throw new InvalidRuleException("the rule is empty; " + EXAMPLE);
        }
        String[] words = WHITE_SPACE.split(rule);
        String head = words[0];
        int hash = head.indexOf('#');
        String verbWord = hash < 0 ? head : head.substring(0, hash);
        AccessVerb verb = AccessVerb.forKeyword(verbWord);
        if (verb == null) {
            throw new InvalidRuleException("unknown verb '" + verbWord + "'; a rule starts with deny, allow or accept");
        }
        String id = hash < 0 ? "rule-" + position : head.substring(hash + 1);
        if (!ID.matcher(id).matches()) {
            throw new InvalidRuleException("invalid rule id '" + id + "' after '#'; use letters, digits, '.', '_'"
                    + " and '-', e.g. deny#payments-debug");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            conditions.add(condition(words[i]));
        }
        conditions.sort(Comparator.comparingInt(Condition::cost));
        return new AccessRule(id, verb, rule, conditions.toArray(new Condition[0]));
    }

    private static Condition condition(String word) throws InvalidRuleException {
        int at = indexOfOperator(word);
        if (at < 0) {
            if (word.startsWith("mdc.") && word.length() > 4) {
                return new MdcCondition(word.substring(4), null, false);
            }
            throw new InvalidRuleException("condition '" + word + "' has no operator; write key=value, key!=value,"
                    + " level<X... or mdc.KEY alone for a presence test");
        }
        String key = word.substring(0, at);
        String operator = operator(word, at);
        String value = word.substring(at + operator.length());
        if (key.equals("level")) {
            LevelCondition.Comparison comparison = LevelCondition.Comparison.forSymbol(operator);
            return new LevelCondition(comparison, level(word, value));
        }
        boolean negated = operator.equals("!=");
        if (!negated && !operator.equals("=")) {
            throw new InvalidRuleException("condition '" + word + "': '" + key + "' takes only = or != ("
                    + operator + " is for level)");
        }
        if (key.equals("logger")) {
            return new LoggerCondition(LoggerNameGlob.compile(value), negated);
        }
        if (key.equals("marker")) {
            if (value.isEmpty()) {
                throw new InvalidRuleException("condition '" + word + "' names no marker; write e.g. marker=AUDIT");
            }
            if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
                throw new InvalidRuleException("condition '" + word + "': marker names are matched exactly, without"
                        + " wildcards (nested markers match through the markers that reference them)");
            }
            return new MarkerCondition(value, negated);
        }
        if (key.startsWith("mdc.") && key.length() > 4) {
            return new MdcCondition(key.substring(4), ValueGlob.compile(value), negated);
        }
        throw new InvalidRuleException("unknown condition '" + key + "' in '" + word + "'; known conditions are"
                + " logger, level, marker and mdc.KEY");
    }

    private static int indexOfOperator(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (OPERATOR_CHARS.indexOf(word.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String operator(String word, int at) throws InvalidRuleException {
        for (String op : new String[] {"!=", "<=", ">=", "<", ">", "="}) {
            if (word.startsWith(op, at)) {
                return op;
            }
        }
        throw new InvalidRuleException("condition '" + word + "': '!' must be followed by '=' (write key!=value)");
    }

    private static int level(String word, String name) throws InvalidRuleException {
        switch (name.toUpperCase(Locale.ROOT)) {
            case "TRACE":
                return org.slf4j.event.Level.TRACE.toInt();
            case "DEBUG":
                return org.slf4j.event.Level.DEBUG.toInt();
            case "INFO":
                return org.slf4j.event.Level.INFO.toInt();
            case "WARN":
                return org.slf4j.event.Level.WARN.toInt();
            case "ERROR":
                return org.slf4j.event.Level.ERROR.toInt();
            default:
                throw new InvalidRuleException("condition '" + word + "': '" + name + "' is not a level; use TRACE,"
                        + " DEBUG, INFO, WARN or ERROR");
        }
    }
}
