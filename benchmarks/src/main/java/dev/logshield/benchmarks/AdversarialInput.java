package dev.logshield.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Texts built to make a naive scanner quadratic, one family per kind of detector, for
 * {@link AdversarialInputBenchmark}. A naive scanner restarts a long look-ahead or look-back at every candidate
 * ({@code @}, {@code =}, {@code ://}, {@code eyJ}, {@code -----BEGIN}, a digit...) and reads far before giving up;
 * these texts are dense with such candidates that never, or only much later, complete.
 *
 * <p>A text is the family's units, each repeated to fill an equal share of it in turn (the mixed family interleaves
 * blocks of every family's units instead), followed by a line of each of the family's canaries: real secrets that must
 * come out masked. A canary at the very end proves that the detector ran over the whole adversarial part and still
 * finds what follows it, instead of giving up early (which would be cheap, and a leak).
 */
enum AdversarialInput {

    /** {@code -----BEGIN } with no label, or a private-key BEGIN line with no END (fails closed), or an END with no label. */
    PEM("pem",
            List.of("-----BEGIN ", "-----BEGIN RSA PRIVATE KEY-----\n", "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END "),
            List.of(new Canary("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----",
                    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", "private-key"))),

    /** {@code eyJ} as one long word, {@code eyJhbGc.} chained, and a valid header followed by a payload that stops short. */
    JWT("jwt",
            List.of("eyJ", "eyJhbGc.", " eyJhbGciOiJIUzI1NiJ9.eyJ"),
            List.of(new Canary(Canary.JWT, Canary.JWT, "jwt"))),

    /** Auth schemes with no credential after them, bare and after an {@code Authorization} header name. */
    AUTH_HEADER("auth-header",
            List.of("Bearer ", "Basic ", "Authorization: Bearer "),
            List.of(new Canary("sent Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0", "9f8e7d6c5b4a39281706f5e4d3c2b1a0", "auth-header"))),

    /** {@code ://} with no authority, and {@code http://a:} and {@code http://a@} whose authorities end at once. */
    URL_CREDENTIALS("url-credentials",
            List.of("://", "http://a:", "http://a@"),
            List.of(new Canary("postgres://app:s3cretPassw0rd@db.example.com:5432/orders", "s3cretPassw0rd", "url-credentials"))),

    /**
     * Every provider prefix with a body too short, {@code ghp_} chained into one word, and bodies too long to be a key
     * (read up to the longest key before they are rejected).
     */
    PROVIDER_KEYS("provider-keys",
            List.of("ghp_", "ghp_a1 ", "github_pat_x ", "AKIA2 ", "xoxb-1 ", "sk_live_a ", "AIza ", "sk-proj-Ab1 ", "tok-a1 ",
                    "sk-" + "aB1".repeat(200) + " ", "ghp_" + "aB1".repeat(100) + " "),
            List.of(new Canary(Canary.AWS_KEY, Canary.AWS_KEY, "aws-access-key"),
                    new Canary(Canary.GITHUB_TOKEN, Canary.GITHUB_TOKEN, "github-token"),
                    new Canary(Canary.SLACK_TOKEN, Canary.SLACK_TOKEN, "slack-token"),
                    new Canary(Canary.STRIPE_KEY, Canary.STRIPE_KEY, "stripe-key"),
                    new Canary(Canary.GOOGLE_KEY, Canary.GOOGLE_KEY, "google-api-key"),
                    new Canary(Canary.OPENAI_KEY, Canary.OPENAI_KEY, "openai-key"),
                    new Canary(Canary.GENERIC_TOKEN, Canary.GENERIC_TOKEN, "generic-token"))),

    /**
     * Separators after keys that are not sensitive ({@code k=k=k}), after key-like runs longer than any key, after
     * sensitive keys whose unquoted values run on ({@code password=password=}), and quotes left unclosed.
     */
    KEY_VALUE("key-value",
            List.of("k=", "k".repeat(300) + "=", "passwor".repeat(20) + ":", "password=", "password=\"", "\"secret\": \""),
            List.of(new Canary("db_password=Xk9mQ2vL7pR4", "Xk9mQ2vL7pR4", "secret"))),

    /** One digit run as long as the text, and four-digit groups that never stop ({@code 4111 4111 ...}). */
    CREDIT_CARD("credit-card",
            List.of("1234567890", "4111 ", "4111-"),
            List.of(new Canary("card 4111 1111 1111 1111", "4111 1111 1111 1111", "credit-card"))),

    /** A country code and check digits, grouped ({@code DE89 DE89 ...}) and as one long word. */
    IBAN("iban",
            List.of("DE89 ", "DE89"),
            List.of(new Canary("iban DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00", "iban"))),

    /** {@code 123-45-} and {@code 123 45 } chained, and a keyword followed by eight digits only. */
    SSN("ssn",
            List.of("123-45-", "123 45 ", "SSN 12345678 "),
            List.of(new Canary("ssn 123-45-6789", "123-45-6789", "ssn"))),

    /**
     * {@code @} alone, {@code a@a@a@}, long dotted local parts whose domain never ends in a top-level domain, and
     * domains longer than any domain.
     */
    EMAIL("email",
            List.of("@", "a@", "a.".repeat(30) + "a@", "@" + "a.".repeat(150) + "a "),
            List.of(new Canary("alice.martin@example.com", "alice.martin@example.com", "email"))),

    /** Dotted quads that never close ({@code 1.2.3.}), that continue ({@code 1.2.3.4.}), and octets out of range. */
    IPV4("ipv4",
            List.of("1.2.3.", "1.2.3.4.", "256.1.1.1 "),
            List.of(new Canary("client 192.0.2.17", "192.0.2.17", "ipv4"))),

    /** Runs of {@code ::}, {@code a:} and {@code 1:} as long as their share: one candidate each, never an address. */
    IPV6("ipv6",
            List.of("::", "a:", "1:", "1:2:3:4:5:6:7:8:9 "),
            List.of(new Canary("client 2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334", "ipv6"))),

    /**
     * Blocks of every family above, interleaved, then every family's canary: the detectors' candidates side by side.
     * Its masks are not checked one by one (a private-key BEGIN with no END masks up to 64 KB after it, canaries
     * included), only that no canary survives.
     */
    MIXED("mixed", List.of(), List.of()),

    /**
     * Masks of an earlier redaction ({@code [REDACTED:email]}) next to new findings, as in a text redacted twice: every
     * label is matched against every finding by the current engine. Not a detector family: the engine's own step.
     */
    REDACTION_LABELS("redaction-labels",
            List.of("[REDACTED:email] 10.0.0.1 "),
            List.of(new Canary("[REDACTED:email] 192.0.2.44", "192.0.2.44", "ipv4"))),
    ;

    /** Length of a mixed text's blocks: each unit repeated to fill at least this many characters in turn. */
    static final int MIXED_BLOCK = 256;

    private final String paramName;
    private final List<String> units;
    private final List<Canary> canaries;

    AdversarialInput(String paramName, List<String> units, List<Canary> canaries) {
        this.paramName = paramName;
        this.units = units;
        this.canaries = canaries;
    }

    /** The family named by a JMH parameter value. */
    static AdversarialInput of(String paramName) {
        for (AdversarialInput f : values()) {
            if (f.paramName.equals(paramName)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown adversarial input family '" + paramName + "'");
    }

    String paramName() {
        return paramName;
    }

    /** The strings repeated to make up the text; for the mixed family, those of every detector family. */
    List<String> units() {
        if (this != MIXED) {
            return units;
        }
        List<String> all = new ArrayList<>();
        for (AdversarialInput f : detectorFamilies()) {
            all.addAll(f.units);
        }
        return all;
    }

    /** The secrets at the end of the text; for the mixed family, those of every detector family. */
    List<Canary> canaries() {
        if (this != MIXED) {
            return canaries;
        }
        List<Canary> all = new ArrayList<>();
        for (AdversarialInput f : detectorFamilies()) {
            all.addAll(f.canaries);
        }
        return all;
    }

    /** The masks the output must show: one per canary's label (none for the mixed family, see {@link #MIXED}). */
    List<String> requiredMasks() {
        List<String> masks = new ArrayList<>();
        if (this != MIXED) {
            for (Canary c : canaries) {
                masks.add("[REDACTED:" + c.label() + "]");
            }
        }
        return masks;
    }

    /** The raw secrets the output must not contain. */
    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (Canary c : canaries()) {
            secrets.add(c.secret());
        }
        return secrets;
    }

    /** The text of exactly {@code size} characters: the adversarial part, then a line per canary. */
    String text(int size) {
        StringBuilder tail = new StringBuilder();
        for (Canary c : canaries()) {
            tail.append('\n').append(c.line());
        }
        int body = size - tail.length();
        if (body < size / 2) {
            throw new IllegalArgumentException(paramName + ": " + size + " characters leave too little room around "
                    + tail.length() + " characters of canaries");
        }
        StringBuilder out = new StringBuilder(size);
        List<String> parts = units();
        if (this == MIXED) {
            for (int u = 0; out.length() < body; u = (u + 1) % parts.size()) {
                String unit = parts.get(u);
                repeat(out, unit, Math.min(Math.max(MIXED_BLOCK, unit.length()), body - out.length()));
            }
        } else {
            for (int u = 0; u < parts.size(); u++) {
                long shareEnd = (long) body * (u + 1) / parts.size();
                repeat(out, parts.get(u), (int) (shareEnd - out.length()));
            }
        }
        return out.append(tail).toString();
    }

    /** The families of one kind of detector each: all but the mixed one and the engine's own. */
    static List<AdversarialInput> detectorFamilies() {
        List<AdversarialInput> families = new ArrayList<>();
        for (AdversarialInput f : values()) {
            if (f != MIXED && f != REDACTION_LABELS) {
                families.add(f);
            }
        }
        return families;
    }

    /** Appends {@code unit} repeated over {@code chars} characters, the last repetition cut short. */
    private static void repeat(StringBuilder out, String unit, int chars) {
        int end = out.length() + chars;
        while (out.length() + unit.length() <= end) {
            out.append(unit);
        }
        out.append(unit, 0, end - out.length());
    }

    /**
     * A line holding a secret that LogShield's defaults mask with {@code label}. Keys are assembled at run time from
     * their public prefix and a made-up body, as the detector tests do, so that no key-shaped literal is committed.
     */
    record Canary(String line, String secret, String label) {

        static final String JWT = MessageKind.JWT;
        static final String AWS_KEY = "AKIA" + cycle("J5K2M7QX3R4T6VWZ", 16);
        static final String GITHUB_TOKEN = "ghp_" + alnum(36);
        static final String SLACK_TOKEN = "xoxb-" + "1234567890-" + alnum(24);
        static final String STRIPE_KEY = "sk_live_" + alnum(24);
        static final String GOOGLE_KEY = "AIza" + alnum(35);
        static final String OPENAI_KEY = "sk-proj-" + alnum(32);
        static final String GENERIC_TOKEN = "tok-" + alnum(16);

        /** {@code n} characters of {@code [A-Za-z0-9]} with every class present and no run of lower-case letters. */
        static String alnum(int n) {
            return cycle("a7K2mX9pQ4rT6vB8", n);
        }

        private static String cycle(String chars, int n) {
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                b.append(chars.charAt(i % chars.length()));
            }
            return b.toString();
        }
    }
}
