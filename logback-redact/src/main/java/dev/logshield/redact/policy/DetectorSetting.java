package dev.logshield.redact.policy;

import dev.logshield.redact.engine.DetectorCatalog;
import dev.logshield.redact.engine.Action;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the policy configures one built-in detector: on or off, the action for what it finds, and
 * detector-specific options (e.g. {@code keepNetwork} for {@code ipv4}).
 *
 * <p>{@code action} is {@code null} when the setting does not name one ({@code ssn: on}, or options only):
 * the detector then keeps its own default action ({@link DetectorCatalog#defaultAction}), so switching a
 * detector on never silently changes what it does. Use {@link #actionOr(Action)} to read it.
 *
 * <p>In logback.xml a setting is written in the compact form read by {@link #parse(String)}, one per element:
 * <pre>{@code
 * <detector>email: partial</detector>
 * <detector>ipv4: mask keepNetwork=true</detector>
 * <detector>ssn: off</detector>
 * }</pre>
 */
public record DetectorSetting(String name, boolean enabled, Action action, Map<String, String> options) {

    public DetectorSetting {
        checkName(name, "detector");
        options = options == null || options.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new IllegalArgumentException("detector '" + name + "': option names and values must not be empty");
            }
        }
    }

    /** Enabled, with the detector's default action and options. */
    public static DetectorSetting on(String name) {
        return new DetectorSetting(name, true, null, Map.of());
    }

    /** Switched off. */
    public static DetectorSetting off(String name) {
        return new DetectorSetting(name, false, null, Map.of());
    }

    /** Enabled with {@code action} and default options. */
    public static DetectorSetting of(String name, Action action) {
        return new DetectorSetting(name, true, Objects.requireNonNull(action, "action"), Map.of());
    }

    /** The configured action, or {@code fallback} when the setting keeps the detector's default. */
    public Action actionOr(Action fallback) {
        return action != null ? action : fallback;
    }

    /**
     * Parses the compact form used in logback.xml: {@code name: ACTION [key=value ...]} where ACTION is
     * {@code mask|partial|hash|drop}, {@code on} (enabled, default action) or {@code off}; the action may be
     * left out when options follow ({@code ipv4: keepNetwork=true}).
     *
     * @throws PolicyException on bad syntax or an unknown action, with a message that shows the expected form
     */
    public static DetectorSetting parse(String compact) throws PolicyException {
        if (compact == null || compact.isBlank()) {
            throw new PolicyException("empty detector setting; expected 'name: action', e.g. 'email: partial'");
        }
        String text = compact.strip();
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new PolicyException("detector setting '" + text + "' has no ':'; expected 'name: action', "
                    + "e.g. 'email: partial', 'ipv4: mask keepNetwork=true' or 'ssn: off'");
        }
        String name = text.substring(0, colon).strip();
        if (!isValidName(name)) {
            throw new PolicyException("detector setting '" + text + "': '" + name
                    + "' is not a detector name (letters, digits, '-', '_', '.')");
        }
        String[] tokens = text.substring(colon + 1).strip().split("\\s+");
        if (tokens.length == 1 && tokens[0].isEmpty()) {
            throw new PolicyException("detector setting '" + text + "' names no action; expected one of "
                    + "mask, partial, hash, drop, on, off");
        }
        boolean enabled = true;
        Action action = null;
        int first = 0;
        if (tokens[0].indexOf('=') < 0) {
            String word = tokens[0].toLowerCase(Locale.ROOT);
            first = 1;
            if (word.equals("off") || word.equals("false")) {
                enabled = false;
            } else if (!word.equals("on") && !word.equals("true")) {
                action = Action.parse(word);
                if (action == null) {
                    throw new PolicyException("detector '" + name + "': unknown action '" + tokens[0]
                            + "'; use one of mask, partial, hash, drop, on, off");
                }
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = first; i < tokens.length; i++) {
            String token = tokens[i];
            int eq = token.indexOf('=');
            if (eq <= 0 || eq == token.length() - 1) {
                throw new PolicyException("detector '" + name + "': '" + token + "' is not an option; options are "
                        + "written key=value after the action, e.g. 'ipv4: mask keepNetwork=true'");
            }
            String key = token.substring(0, eq);
            if (options.put(key, token.substring(eq + 1)) != null) {
                throw new PolicyException("detector '" + name + "': option '" + key + "' is given twice");
            }
        }
        if (!enabled && !options.isEmpty()) {
            throw new PolicyException("detector '" + name + "' is switched off but has options " + options.keySet()
                    + "; remove the options or switch it on");
        }
        return new DetectorSetting(name, enabled, action, options);
    }

    /** The compact form, as {@link #parse} reads it. */
    public String toCompactString() {
        StringBuilder b = new StringBuilder(name).append(": ");
        b.append(!enabled ? "off" : action == null ? "on" : action.toString());
        options.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void checkName(String name, String what) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException(what + " name '" + name
                    + "' is invalid: use 1 to 64 letters, digits, '-', '_' or '.'");
        }
    }
}
