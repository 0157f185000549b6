package dev.logshield.redact.policy;

import dev.logshield.redact.engine.Action;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the node tree of one policy document (YAML or JSON, already parsed) into a {@link RedactionPolicy},
 * reporting each invalid or unknown entry with its line and skipping it. Works on composed nodes rather
 * than constructed objects so that every problem can name its line; descends only into the known structure,
 * so aliases cannot make it walk an exponentially large tree.
 */
final class PolicyDocumentReader {

    static final Set<String> TOP_LEVEL = new LinkedHashSet<>(List.of("version", "detectors", "sensitiveKeys", "rules", "hashKey"));
    static final Set<String> RULE_FIELDS = new LinkedHashSet<>(List.of("name", "pattern", "keywords", "action", "caseInsensitive"));
    static final Set<String> HASH_KEY_FIELDS = new LinkedHashSet<>(List.of("env", "file", "keystore", "password", "passwordEnv", "alias", "keyId"));

    private final String source;
    private final Path baseDir;
    private final List<String> problems;

    PolicyDocumentReader(String source, Path baseDir, List<String> problems) {
        this.source = source;
        this.baseDir = baseDir;
        this.problems = problems;
    }

    RedactionPolicy read(Node root) {
        if (!(root instanceof MappingNode)) {
            problem(root, "the policy must be a mapping with the keys " + String.join(", ", TOP_LEVEL));
            return RedactionPolicy.empty();
        }
        Map<String, NodeTuple> entries = fields((MappingNode) root, TOP_LEVEL, "top-level key");
        NodeTuple version = entries.get("version");
        if (version != null) {
            String v = scalar(version.getValueNode());
            if (!"1".equals(v)) {
                problem(version.getValueNode(), "unsupported policy version '" + v + "'; this LogShield reads version 1 "
                        + "(nothing in the file is applied)");
                return RedactionPolicy.empty();
            }
        }
        RedactionPolicy.Builder policy = RedactionPolicy.builder();
        if (entries.containsKey("detectors")) {
            readDetectors(entries.get("detectors").getValueNode(), policy);
        }
        if (entries.containsKey("sensitiveKeys")) {
            readSensitiveKeys(entries.get("sensitiveKeys").getValueNode(), policy);
        }
        if (entries.containsKey("rules")) {
            readRules(entries.get("rules").getValueNode(), policy);
        }
        if (entries.containsKey("hashKey")) {
            readHashKey(entries.get("hashKey").getValueNode(), policy);
        }
        return policy.build();
    }

    private void readDetectors(Node node, RedactionPolicy.Builder policy) {
        if (!(node instanceof MappingNode)) {
            problem(node, "'detectors' must be a mapping of detector name to setting, e.g. 'email: partial'");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            String name = scalar(t.getKeyNode());
            if (name == null || !DetectorSetting.isValidName(name)) {
                problem(t.getKeyNode(), "'" + name + "' is not a detector name (letters, digits, '-', '_', '.')");
                continue;
            }
            if (!seen.add(name)) {
                problem(t.getKeyNode(), "detector '" + name + "' is configured twice; the first setting is used");
                continue;
            }
            try {
                policy.detector(detectorSetting(name, t.getValueNode()));
            } catch (PolicyException | IllegalArgumentException e) {
                problem(t.getValueNode(), e.getMessage() + "; the detector keeps its defaults");
            }
        }
    }

    private DetectorSetting detectorSetting(String name, Node value) throws PolicyException {
        if (value instanceof ScalarNode) {
            ScalarNode s = (ScalarNode) value;
            if (s.getTag().equals(Tag.NULL)) {
                throw new PolicyException("detector '" + name + "' has no setting; write e.g. '" + name + ": on', '"
                        + name + ": off' or '" + name + ": partial'");
            }
            if (s.getTag().equals(Tag.BOOL)) {
                return Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT)) ? DetectorSetting.on(name) : DetectorSetting.off(name);
            }
            return DetectorSetting.parse(name + ": " + s.getValue());
        }
        if (!(value instanceof MappingNode)) {
            throw new PolicyException("detector '" + name + "' must be set to an action (mask, partial, hash, drop, "
                    + "on, off) or a mapping such as { action: mask, keepNetwork: true }");
        }
        boolean enabled = true;
        Action action = null;
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : ((MappingNode) value).getValue()) {
            String key = scalar(t.getKeyNode());
            String v = scalar(t.getValueNode());
            if (key == null || v == null) {
                throw new PolicyException("detector '" + name + "': every field must be 'name: value' with a plain value");
            }
            if (!seen.add(key)) {
                throw new PolicyException("detector '" + name + "': field '" + key + "' is given twice");
            }
            if (key.equals("enabled")) {
                Boolean b = bool(v);
                if (b == null) {
                    throw new PolicyException("detector '" + name + "': enabled must be true or false, not '" + v + "'");
                }
                enabled = b;
            } else if (key.equals("action")) {
                String word = v.toLowerCase(Locale.ROOT);
                Boolean b = bool(word);
                if (b != null) {
                    enabled = enabled && b;
                } else {
                    action = Action.parse(word);
                    if (action == null) {
                        throw new PolicyException("detector '" + name + "': unknown action '" + v
                                + "'; use one of mask, partial, hash, drop, on, off");
                    }
                }
            } else {
                options.put(key, v);
            }
        }
        return new DetectorSetting(name, enabled, action, options);
    }

    private void readSensitiveKeys(Node node, RedactionPolicy.Builder policy) {
        if (!(node instanceof SequenceNode)) {
            problem(node, "'sensitiveKeys' must be a list of words, e.g. [pin, otp, x-internal-auth]");
            return;
        }
        for (Node item : ((SequenceNode) node).getValue()) {
            String word = scalar(item);
            if (word == null || word.isBlank()) {
                problem(item, "sensitive key must be a non-empty word");
            } else {
                policy.sensitiveKey(word);
            }
        }
    }

    private void readRules(Node node, RedactionPolicy.Builder policy) {
        if (!(node instanceof SequenceNode)) {
            problem(node, "'rules' must be a list of rules, each with at least name and pattern");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Node item : ((SequenceNode) node).getValue()) {
            CustomRule rule = rule(item);
            if (rule != null && !seen.add(rule.name())) {
                problem(item, "rule '" + rule.name() + "' is defined twice; the first definition is used");
            } else if (rule != null) {
                policy.rule(rule);
            }
        }
    }

    private CustomRule rule(Node node) {
        if (!(node instanceof MappingNode)) {
            problem(node, "a rule must be a mapping with at least name and pattern");
            return null;
        }
        Map<String, NodeTuple> f = fields((MappingNode) node, RULE_FIELDS, "rule field");
        String name = f.containsKey("name") ? scalar(f.get("name").getValueNode()) : null;
        if (name == null || !DetectorSetting.isValidName(name)) {
            problem(node, name == null ? "rule has no name; the rule is skipped"
                    : "rule name '" + name + "' is invalid: use 1 to 64 letters, digits, '-', '_' or '.'; the rule is skipped");
            return null;
        }
        String pattern = f.containsKey("pattern") ? scalar(f.get("pattern").getValueNode()) : null;
        if (pattern == null || pattern.isEmpty()) {
            problem(node, "rule '" + name + "' has no pattern; the rule is skipped");
            return null;
        }
        List<String> keywords = new ArrayList<>();
        if (f.containsKey("keywords")) {
            Node k = f.get("keywords").getValueNode();
            List<Node> items = k instanceof SequenceNode ? ((SequenceNode) k).getValue() : List.of(k);
            for (Node item : items) {
                String word = scalar(item);
                if (word == null || word.isEmpty()) {
                    problem(item, "rule '" + name + "': keywords must be non-empty strings; the rule is skipped");
                    return null;
                }
                keywords.add(word);
            }
        }
        Action action = Action.MASK;
        if (f.containsKey("action")) {
            String a = scalar(f.get("action").getValueNode());
            action = Action.parse(a);
            if (action == null) {
                problem(f.get("action").getValueNode(), "rule '" + name + "': unknown action '" + a
                        + "'; use one of mask, partial, hash, drop (the rule masks)");
                action = Action.MASK;
            }
        }
        boolean caseInsensitive = false;
        if (f.containsKey("caseInsensitive")) {
            Boolean b = bool(scalar(f.get("caseInsensitive").getValueNode()));
            if (b == null) {
                problem(f.get("caseInsensitive").getValueNode(), "rule '" + name + "': caseInsensitive must be true or false");
            } else {
                caseInsensitive = b;
            }
        }
        return new CustomRule(name, pattern, keywords, action, caseInsensitive);
    }

    private void readHashKey(Node node, RedactionPolicy.Builder policy) {
        if (!(node instanceof MappingNode)) {
            problem(node, "'hashKey' must be a mapping: { env: VAR }, { file: /path } or "
                    + "{ keystore: /path.p12, passwordEnv: VAR, alias: name }");
            return;
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : fields((MappingNode) node, HASH_KEY_FIELDS, "hashKey field").entrySet()) {
            String v = scalar(e.getValue().getValueNode());
            if (v == null || v.isEmpty()) {
                problem(e.getValue().getValueNode(), "hashKey " + e.getKey() + " must be a non-empty string; no hash key is used");
                return;
            }
            f.put(e.getKey(), v);
        }
        int sources = (f.containsKey("env") ? 1 : 0) + (f.containsKey("file") ? 1 : 0) + (f.containsKey("keystore") ? 1 : 0);
        if (sources != 1) {
            problem(node, "hashKey must name exactly one of env, file or keystore; no hash key is used");
            return;
        }
        boolean keystore = f.containsKey("keystore");
        for (String k : List.of("password", "passwordEnv", "alias")) {
            if (!keystore && f.containsKey(k)) {
                problem(node, "hashKey " + k + " applies only to a keystore; no hash key is used");
                return;
            }
        }
        try {
            HashKeySpec spec;
            if (f.containsKey("env")) {
                spec = HashKeySpec.env(f.get("env"));
            } else if (f.containsKey("file")) {
                spec = HashKeySpec.file(resolve(f.get("file")));
            } else if (!f.containsKey("alias") || f.containsKey("password") == f.containsKey("passwordEnv")) {
                problem(node, "a hashKey keystore needs alias and exactly one of password or passwordEnv; no hash key is used");
                return;
            } else if (f.containsKey("passwordEnv")) {
                spec = HashKeySpec.keystoreWithPasswordFromEnv(resolve(f.get("keystore")), f.get("passwordEnv"), f.get("alias"));
            } else {
                spec = HashKeySpec.keystore(resolve(f.get("keystore")), f.get("password").toCharArray(), f.get("alias"));
            }
            if (f.containsKey("keyId")) {
                spec = spec.withKeyId(f.get("keyId"));
            }
            policy.hashKey(spec);
        } catch (IllegalArgumentException e) {
            problem(node, e.getMessage() + "; no hash key is used");
        }
    }

    /** Relative key and keystore paths are relative to the policy file's directory. */
    private Path resolve(String path) {
        Path p = Path.of(path);
        return baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p);
    }

    /** The entries of {@code map} by key; reports non-string, duplicate and unknown keys (with a suggestion). */
    private Map<String, NodeTuple> fields(MappingNode map, Set<String> known, String what) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null) {
                problem(t.getKeyNode(), what + " must be a plain string");
            } else if (!known.contains(key)) {
                problem(t.getKeyNode(), "unknown " + what + " '" + key + "'" + PolicyCompiler.suggestion(key, known)
                        + "; known: " + String.join(", ", known));
            } else if (out.containsKey(key)) {
                problem(t.getKeyNode(), what + " '" + key + "' is given twice; the first is used");
            } else {
                out.put(key, t);
            }
        }
        return out;
    }

    /** The text of a string, number or boolean scalar, else null (nulls, collections, explicit custom tags). */
    private static String scalar(Node node) {
        if (!(node instanceof ScalarNode)) {
            return null;
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL)) {
            return ((ScalarNode) node).getValue();
        }
        return null;
    }

    private static Boolean bool(String text) {
        if (text == null) {
            return null;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true": case "on": return Boolean.TRUE;
            case "false": case "off": return Boolean.FALSE;
            default: return null;
        }
    }

    private void problem(Node node, String message) {
        int line = node == null ? -1 : node.getStartMark().map(m -> m.getLine() + 1).orElse(-1);
        problems.add(source + (line > 0 ? " line " + line : "") + ": " + message);
    }
}
