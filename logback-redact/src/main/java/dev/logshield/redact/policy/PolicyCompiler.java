package dev.logshield.redact.policy;

import dev.logshield.redact.engine.DetectorCatalog;
import dev.logshield.redact.engine.SensitiveKeyMatcher;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.KeyedHasher;
import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Redactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a {@link RedactionPolicy} into a {@link Redactor}. Never throws: whatever is valid is applied and
 * everything else is reported, so one typo cannot switch redaction off.
 *
 * <ul>
 *   <li>Every catalog detector is on, with its default action and options, unless the policy switches it
 *       off or changes its action or options. A setting for an unknown name is an error
 *       ({@code unknown detector 'emial'; known: ...}); bad options are an error and the detector keeps its
 *       defaults (it stays on).</li>
 *   <li>Custom rules run after the built-in detectors, in policy order. A rule whose pattern does not compile,
 *       or whose name is a built-in detector's, is an error and is skipped.</li>
 *   <li>Rules and detectors with action {@code hash} need a key: when the policy has none, or it fails to load,
 *       they mask instead, with a warning {@code hash falls back to mask: <reason>}.</li>
 *   <li>Sensitive key words are the defaults plus the policy's; they drive the {@code secret} detector and
 *       {@link Redactor#sensitiveKeys()}.</li>
 * </ul>
 */
public final class PolicyCompiler {

    private PolicyCompiler() {
    }

    /** Compiles {@code policy} against {@code catalog}; {@code listener} may be null. */
    public static CompiledPolicy compile(RedactionPolicy policy, DetectorCatalog catalog, RedactionListener listener) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        RedactionPolicy p = policy != null ? policy : RedactionPolicy.empty();
        SensitiveKeyMatcher keys = sensitiveKeys(p, errors);
        String hashProblem = null;
        KeyedHasher hasher = null;
        if (p.hashKey().isPresent()) {
            HashKeySpec spec = p.hashKey().get();
            try {
                hasher = loadHasher(spec);
            } catch (PolicyException | RuntimeException e) {
                hashProblem = "hash key from " + spec.describe() + " could not be loaded: " + e.getMessage();
            }
        } else {
            hashProblem = "no hashKey is configured";
        }

        List<Detector> detectors = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        Set<String> known = Set.of();
        if (catalog == null) {
            errors.add("no detector catalog: built-in detectors are not available");
        } else {
            try {
                known = catalog.names();
                addBuiltIns(p, catalog, keys, detectors, actions, errors);
            } catch (RuntimeException e) {
                errors.add("detector catalog failed: " + e);
            }
        }
        addCustomRules(p, known, detectors, actions, errors);

        List<String> hashing = new ArrayList<>();
        Redactor.Builder builder = Redactor.builder().sensitiveKeys(keys).listener(listener).hasher(hasher);
        for (int i = 0; i < detectors.size(); i++) {
            Action action = actions.get(i);
            if (action == Action.HASH && hasher == null) {
                hashing.add(detectors.get(i).name());
                action = Action.MASK;
            }
            builder.rule(detectors.get(i), action);
        }
        if (!hashing.isEmpty()) {
            warnings.add("hash falls back to mask: " + hashProblem + " (rules: " + String.join(", ", hashing) + ")");
        } else if (hasher == null && p.hashKey().isPresent()) {
            warnings.add(hashProblem); // no rule hashes today, but a broken key setting should not go unnoticed
        }
        return new CompiledPolicy(builder.build(), errors, warnings);
    }

    private static SensitiveKeyMatcher sensitiveKeys(RedactionPolicy p, List<String> errors) {
        try {
            return SensitiveKeyMatcher.withExtraWords(p.sensitiveKeys());
        } catch (RuntimeException e) {
            errors.add("sensitive keys " + p.sensitiveKeys() + " could not be used: " + e.getMessage());
            return SensitiveKeyMatcher.defaults();
        }
    }

    private static KeyedHasher loadHasher(HashKeySpec spec) throws PolicyException {
        byte[] key = spec.load();
        try {
            return new KeyedHasher(key, spec.keyId());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void addBuiltIns(RedactionPolicy p, DetectorCatalog catalog, SensitiveKeyMatcher keys,
                                    List<Detector> detectors, List<Action> actions, List<String> errors) {
        Set<String> names = catalog.names();
        for (String configured : p.detectorSettings().keySet()) {
            if (!names.contains(configured)) {
                errors.add("unknown detector '" + configured + "'" + suggestion(configured, names)
                        + "; known: " + String.join(", ", names));
            }
        }
        for (String name : names) {
            DetectorSetting setting = p.detectorSettings().get(name);
            if (setting != null && !setting.enabled()) {
                continue;
            }
            Action action;
            try {
                action = setting != null && setting.action() != null ? setting.action() : catalog.defaultAction(name);
            } catch (RuntimeException e) {
                action = null;
            }
            if (action == null) {
                action = Action.MASK;
            }
            Map<String, String> options = setting != null ? setting.options() : Map.of();
            Detector detector = create(catalog, name, options, keys, errors);
            if (detector != null) {
                detectors.add(detector);
                actions.add(action);
            }
        }
    }

    /** The detector, else null with an error; bad options fall back to the defaults (the detector stays on). */
    private static Detector create(DetectorCatalog catalog, String name, Map<String, String> options,
                                   SensitiveKeyMatcher keys, List<String> errors) {
        if (!options.isEmpty()) {
            try {
                return Objects.requireNonNull(catalog.create(name, options, keys), "the catalog returned none");
            } catch (RuntimeException e) {
                errors.add("detector '" + name + "': " + e.getMessage() + "; it runs with its default options");
            }
        }
        try {
            return Objects.requireNonNull(catalog.create(name, Map.of(), keys), "the catalog returned none");
        } catch (RuntimeException e) {
            errors.add("detector '" + name + "' could not be created: " + e.getMessage());
            return null;
        }
    }

    private static void addCustomRules(RedactionPolicy p, Set<String> builtIns, List<Detector> detectors,
                                       List<Action> actions, List<String> errors) {
        for (CustomRule rule : p.customRules()) {
            if (builtIns.contains(rule.name())) {
                errors.add("rule '" + rule.name() + "' has the name of a built-in detector; rename the rule "
                        + "(to configure the detector, use detectors: " + rule.name() + ")");
                continue;
            }
            try {
                detectors.add(CustomPatternDetector.compile(rule));
                actions.add(rule.action());
            } catch (RuntimeException e) {
                errors.add(e.getMessage() + "; the rule is skipped");
            }
        }
    }

    /** " (did you mean 'email'?)" for a name within one or two edits of a known one, else "". */
    static String suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = name.length() <= 4 ? 2 : 3; // short names: one edit, else two
        for (String k : known) {
            int d = distance(name.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Optimal string alignment distance: edits plus adjacent transpositions ("emial"). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
