package dev.logshield.benchmarks;

import java.util.List;

/**
 * The three log lines every scenario encodes, as an SLF4J template plus arguments (so that formatting the
 * message is part of every operation, on both sides), with what a working redactor must hide and show.
 */
enum MessageKind {

    /** A realistic request line: numbers, a path with a query, key=value pairs, no secret. */
    CLEAN("clean",
            "GET {} returned {} in {} ms for tenant {}, cache={}, items={}, region={}",
            new Object[] {"/api/v2/orders?page=2&size=50", 200, 12, "acme-eu", "hit", 50, "eu-west-1"},
            List.of(),
            List.of()),

    /** One card number, grouped with spaces as people paste it. */
    ONE_SECRET("oneSecret",
            "Payment authorised for order {} with card {}, amount {} EUR, merchant {}, took {} ms",
            new Object[] {"ORD-2024-117", "4111 1111 1111 1111", "129.90", "acme-eu", 48},
            List.of("4111 1111 1111 1111"),
            List.of("[REDACTED:credit-card]")),

    /** An email address and a bearer JWT. */
    TWO_SECRETS("twoSecrets",
            "User {} signed in from the web app, session issued: Bearer {} (expires in {} s)",
            new Object[] {"alice.martin@example.com", MessageKind.JWT, 3600},
            List.of("alice.martin@example.com", MessageKind.JWT),
            List.of("[REDACTED:email]", "[REDACTED:jwt]"));

    /** The signed JWT of {@link #TWO_SECRETS}: a made-up token, also a canary of {@link AdversarialInput}. */
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJ1LTQ4MjEiLCJleHAiOjE3NjcyMjU2MDB9"
            + ".ctvHaEPQSr-kcRAbiL-3iwZXK5mtKjcgBKCyOoD9Gkw";

    /**
     * What a user would write to catch the same secrets with regular expressions (Java syntax): card numbers
     * with or without separators, email, password=value, a Bearer credential, an AWS access key id. Used by the
     * {@code %replace} and logstash masking scenarios.
     */
    static final List<String> USER_REGEXES = List.of(
            "\\b(?:\\d{4}[ -]?){3}\\d{4}\\b",
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}",
            "(?i)password=[^\\s,;&]+",
            "Bearer [A-Za-z0-9._~+/-]+=*",
            "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");

    /** The same expressions as one alternation, the form {@code %replace} takes. */
    static final String USER_ALTERNATION = String.join("|", USER_REGEXES);

    private final String paramName;
    private final String template;
    private final Object[] args;
    private final List<String> secrets;
    private final List<String> redactionLabels;

    MessageKind(String paramName, String template, Object[] args, List<String> secrets, List<String> redactionLabels) {
        this.paramName = paramName;
        this.template = template;
        this.args = args;
        this.secrets = secrets;
        this.redactionLabels = redactionLabels;
    }

    /** The kind named by a JMH parameter value. */
    static MessageKind of(String paramName) {
        for (MessageKind k : values()) {
            if (k.paramName.equals(paramName)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown message kind '" + paramName + "'");
    }

    String paramName() {
        return paramName;
    }

    String template() {
        return template;
    }

    /** A copy of the arguments. */
    Object[] args() {
        return args.clone();
    }

    /** Raw secrets that must not survive redaction. */
    List<String> secrets() {
        return secrets;
    }

    boolean hasSecrets() {
        return !secrets.isEmpty();
    }

    /** The masks LogShield's defaults must print for this message. */
    List<String> redactionLabels() {
        return redactionLabels;
    }
}
