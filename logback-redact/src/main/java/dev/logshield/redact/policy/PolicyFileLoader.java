package dev.logshield.redact.policy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a redaction policy file, YAML or JSON. Never throws: a file that is missing, unreadable or not valid
 * YAML/JSON gives an empty policy and a problem naming the file and the reason (with line and column for
 * syntax errors); each invalid entry gives one problem and is skipped while valid entries still apply.
 *
 * <p><b>Locations.</b> {@code file:/abs/policy.yaml} or {@code file:relative.yaml}, {@code classpath:policy.yaml},
 * or a plain path. Files ending in {@code .yaml}/{@code .yml} are YAML, {@code .json} JSON; for other names a
 * leading <code>{</code> means JSON. Both are read by one YAML 1.2 parser that builds plain nodes only (no
 * object construction from tags), so a policy file cannot instantiate classes. Relative key and keystore
 * paths inside the file are relative to the file's directory.
 *
 * <p><b>Format</b> (version 1; every key is optional, unknown keys are reported):
 * <pre>{@code
 * version: 1
 * detectors:                       # built-in detectors; all are on by default
 *   email: partial                 # action: mask | partial | hash | drop, or on | off
 *   ipv4: { action: mask, keepNetwork: true }   # other fields are detector options
 *   ssn: off                       # 'off' is a string in YAML 1.2; boolean false works too
 * sensitiveKeys: [pin, otp, x-internal-auth]    # added to the built-in words (password, token, ...)
 * rules:                           # custom RE2 rules, after the built-ins in priority
 *   - name: order-id               # labels the mask: [REDACTED:order-id]
 *     pattern: 'ORD-[0-9]{8}'      # RE2 syntax: no backreferences or lookaround
 *     keywords: [ORD-]             # optional: run only near one of these (case-insensitive)
 *     action: hash                 # default mask
 *     caseInsensitive: false       # default false
 * hashKey: { env: LOGSHIELD_HASH_KEY, keyId: k1 }
 *   # or { file: /run/secrets/hash.key }
 *   # or { keystore: /etc/keys.p12, passwordEnv: KEYSTORE_PASSWORD, alias: logshield-hash }
 * }</pre>
 * The same in JSON: <code>{"version": 1, "detectors": {"email": "partial", "ssn": false}, ...}</code>. See
 * {@code POLICY.md} in the module for the full description.
 *
 * <p>The Logback layer names the file in logback.xml and reports {@link LoadedPolicy#problems()} as status
 * errors; {@link LoadedPolicy#file()} is what it watches for reloads.
 */
public final class PolicyFileLoader {

    /** Largest policy file read, in bytes. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private PolicyFileLoader() {
    }

    /**
     * Loads the policy at {@code location}; {@code classLoader} resolves {@code classpath:} locations (null: the
     * thread's context class loader, else this library's).
     */
    public static LoadedPolicy load(String location, ClassLoader classLoader) {
        if (location == null || location.isBlank()) {
            return failed("policy file: no location given");
        }
        String where = location.strip();
        try {
            if (where.regionMatches(true, 0, "classpath:", 0, 10)) {
                return loadResource(where, where.substring(10), classLoader);
            }
            Path path;
            if (where.regionMatches(true, 0, "file:", 0, 5)) {
                String rest = where.substring(5);
                path = rest.startsWith("//") ? Path.of(new URI(where)) : Path.of(rest);
            } else {
                path = Path.of(where);
            }
            return loadFile(path);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return failed("policy file " + where + ": not a valid location (" + e.getMessage() + "); use "
                    + "file:/path/policy.yaml, classpath:policy.yaml or a plain path");
        }
    }

    private static LoadedPolicy loadFile(Path path) {
        String source = path.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                return failed("policy file " + source + " is a directory");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                return failed("policy file " + source + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return failed("policy file " + source + " does not exist (working directory: "
                    + Path.of("").toAbsolutePath() + ")", Optional.of(path));
        } catch (IOException | SecurityException e) {
            return failed("policy file " + source + " cannot be read: " + e, Optional.of(path));
        }
        Path dir = path.toAbsolutePath().getParent();
        return parse(bytes, source, dir, Optional.of(path));
    }

    private static LoadedPolicy loadResource(String location, String name, ClassLoader classLoader) {
        String resource = name.strip().startsWith("/") ? name.strip().substring(1) : name.strip();
        ClassLoader cl = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = PolicyFileLoader.class.getClassLoader();
        }
        URL url = cl.getResource(resource);
        if (url == null) {
            return failed("policy file " + location + " not found on the classpath");
        }
        Optional<Path> file = Optional.empty();
        if ("file".equalsIgnoreCase(url.getProtocol())) {
            try {
                file = Optional.of(Path.of(url.toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not watchable, still readable
            }
        }
        if (file.isPresent()) {
            LoadedPolicy fromFile = loadFile(file.get());
            return new LoadedPolicy(fromFile.policy(), renamed(fromFile.problems(), file.get().toString(), location), file);
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                return failed("policy file " + location + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return parse(bytes, location, null, Optional.empty());
        } catch (IOException e) {
            return failed("policy file " + location + " cannot be read: " + e);
        }
    }

    /** Problems name the location the user wrote (classpath:x.yaml), not where it resolved to. */
    private static List<String> renamed(List<String> problems, String from, String to) {
        List<String> out = new ArrayList<>(problems.size());
        for (String p : problems) {
            out.add(p.replace(from, to));
        }
        return out;
    }

    private static LoadedPolicy parse(byte[] bytes, String source, Path baseDir, Optional<Path> file) {
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed("policy file " + source + " is not UTF-8 text", file);
        }
        LoadedPolicy parsed = parse(content, source, baseDir);
        return new LoadedPolicy(parsed.policy(), parsed.problems(), file);
    }

    /**
     * Parses policy text; {@code sourceName} names it in problems and decides the format by its extension
     * (content sniffing otherwise). Relative key paths stay relative to the working directory.
     */
    public static LoadedPolicy parse(String content, String sourceName) {
        return parse(content, sourceName, null);
    }

    static LoadedPolicy parse(String content, String sourceName, Path baseDir) {
        String source = sourceName == null || sourceName.isBlank() ? "policy" : sourceName;
        List<String> problems = new ArrayList<>();
        if (content == null) {
            problems.add(source + ": no content");
            return new LoadedPolicy(RedactionPolicy.empty(), problems, Optional.empty());
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        boolean json = isJson(source, text);
        String format = json ? "JSON" : "YAML";
        if (json) {
            text = tabsOutsideStringsToSpaces(text);
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(20)
                .setCodePointLimit(MAX_FILE_BYTES)
                .setUseMarks(true)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String at = mark.map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
            String why = e.getProblem() != null ? e.getProblem() : e.getContext();
            problems.add(source + ": not valid " + format + at + ": " + why + "; nothing in the file is applied");
            return new LoadedPolicy(RedactionPolicy.empty(), problems, Optional.empty());
        } catch (YamlEngineException e) {
            problems.add(source + ": not valid " + format + ": " + e.getMessage() + "; nothing in the file is applied");
            return new LoadedPolicy(RedactionPolicy.empty(), problems, Optional.empty());
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(source + ": cannot be parsed as " + format + ": " + e + "; nothing in the file is applied");
            return new LoadedPolicy(RedactionPolicy.empty(), problems, Optional.empty());
        }
        if (root.isEmpty()) {
            problems.add(source + ": the file is empty; no policy is applied");
            return new LoadedPolicy(RedactionPolicy.empty(), problems, Optional.empty());
        }
        RedactionPolicy policy;
        try {
            policy = new PolicyDocumentReader(source, baseDir, problems).read(root.get());
        } catch (RuntimeException e) {
            problems.add(source + ": cannot be read: " + e + "; nothing in the file is applied");
            policy = RedactionPolicy.empty();
        }
        return new LoadedPolicy(policy, problems, Optional.empty());
    }

    /**
     * JSON allows tabs between tokens; the YAML scanner refuses them where YAML means indentation. Outside
     * string literals a tab is only whitespace, so a space (same column) is equivalent.
     */
    static String tabsOutsideStringsToSpaces(String json) {
        if (json.indexOf('\t') < 0) {
            return json;
        }
        char[] c = json.toCharArray();
        boolean inString = false;
        for (int i = 0; i < c.length; i++) {
            if (inString) {
                if (c[i] == '\\') {
                    i++;
                } else if (c[i] == '"') {
                    inString = false;
                }
            } else if (c[i] == '"') {
                inString = true;
            } else if (c[i] == '\t') {
                c[i] = ' ';
            }
        }
        return new String(c);
    }

    private static boolean isJson(String source, String text) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return true;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static LoadedPolicy failed(String problem) {
        return failed(problem, Optional.empty());
    }

    private static LoadedPolicy failed(String problem, Optional<Path> file) {
        return new LoadedPolicy(RedactionPolicy.empty(), List.of(problem), file);
    }
}
