package dev.logshield.redact.policy;

import dev.logshield.redact.engine.DetectorCatalog;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.logshield.redact.engine.SensitiveKeyMatcher;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small stand-in for the real built-in catalog: "email" (a plain pattern), "ipv4" (option keepNetwork),
 * "secret" (key=value where the key is sensitive, driven by the policy's SensitiveKeyMatcher).
 */
final class TestCatalog implements DetectorCatalog {

    private final Map<String, Action> defaults = new LinkedHashMap<>();

    TestCatalog() {
        this(Map.of());
    }

    TestCatalog(Map<String, Action> overrides) {
        for (String name : List.of("email", "ipv4", "secret")) {
            defaults.put(name, overrides.getOrDefault(name, Action.MASK));
        }
    }

    @Override
    public Set<String> names() {
        return new LinkedHashSet<>(defaults.keySet());
    }

    @Override
    public Action defaultAction(String name) {
        return defaults.get(name);
    }

    @Override
    public Detector create(String name, Map<String, String> options, SensitiveKeyMatcher keys) {
        switch (name) {
            case "email":
                noOptions(name, options);
                return CustomPatternDetector.compile(new CustomRule("email", "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"));
            case "ipv4":
                for (String key : options.keySet()) {
                    if (!key.equals("keepNetwork")) {
                        throw new IllegalArgumentException("unknown option '" + key + "'; known: keepNetwork");
                    }
                }
                String keep = options.getOrDefault("keepNetwork", "false");
                if (!keep.equals("true") && !keep.equals("false")) {
                    throw new IllegalArgumentException("keepNetwork must be true or false, not '" + keep + "'");
                }
                return new Ipv4(Boolean.parseBoolean(keep));
            case "secret":
                noOptions(name, options);
                return new Secret(keys);
            default:
                throw new IllegalArgumentException("unknown detector " + name);
        }
    }

    private static void noOptions(String name, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option '" + options.keySet().iterator().next() + "'; " + name + " has no options");
        }
    }

    static final class Ipv4 implements Detector {
        private static final Pattern IP = Pattern.compile("\\b(?:[0-9]{1,3}\\.){3}([0-9]{1,3})\\b");
        final boolean keepNetwork;

        Ipv4(boolean keepNetwork) {
            this.keepNetwork = keepNetwork;
        }

        @Override
        public String name() {
            return "ipv4";
        }

        @Override
        public Triggers triggers() {
            return Triggers.WHOLE_TEXT;
        }

        @Override
        public int validate(CharSequence text, int at, Findings out) {
            Matcher m = IP.matcher(text);
            while (m.find()) {
                out.add(keepNetwork ? m.start(1) : m.start(), m.end());
            }
            return text.length();
        }
    }

    /** key=value, value up to the next whitespace, when the key is sensitive. */
    static final class Secret implements Detector {
        private final SensitiveKeyMatcher keys;

        Secret(SensitiveKeyMatcher keys) {
            this.keys = keys;
        }

        @Override
        public String name() {
            return "secret";
        }

        @Override
        public Triggers triggers() {
            return Triggers.WHOLE_TEXT;
        }

        @Override
        public int validate(CharSequence text, int at, Findings out) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) != '=') {
                    continue;
                }
                int k = i;
                while (k > 0 && !Character.isWhitespace(text.charAt(k - 1))) {
                    k--;
                }
                int v = i + 1;
                while (v < text.length() && !Character.isWhitespace(text.charAt(v))) {
                    v++;
                }
                if (k < i && v > i + 1 && keys.matches(text, k, i)) {
                    out.add(i + 1, v);
                }
            }
            return text.length();
        }
    }
}
