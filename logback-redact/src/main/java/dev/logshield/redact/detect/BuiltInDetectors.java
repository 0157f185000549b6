package dev.logshield.redact.detect;

import dev.logshield.redact.engine.SensitiveKeyMatcher;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.DetectorCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The catalog of built-in detectors, by configuration name, in priority order: when two findings start at
 * the same place the earlier detector labels the mask. Block-shaped secrets (PEM keys, JWTs, headers, URL
 * credentials) come first, then provider keys, key-value secrets, and finally personal data. Every detector
 * is on by default with the {@code mask} action. Options: {@code keepNetwork=true|false} for {@code ipv4}
 * and {@code ipv6}; none for the others.
 */
public final class BuiltInDetectors implements DetectorCatalog {

    private static final BuiltInDetectors INSTANCE = new BuiltInDetectors();

    private final Map<String, BiFunction<Map<String, String>, SensitiveKeyMatcher, Detector>> factories = new LinkedHashMap<>();

    private BuiltInDetectors() {
        plain(PemPrivateKeyDetector.NAME, PemPrivateKeyDetector::new);
        plain(JwtDetector.NAME, JwtDetector::new);
        plain(AuthorizationHeaderDetector.NAME, AuthorizationHeaderDetector::new);
        plain(UrlCredentialsDetector.NAME, UrlCredentialsDetector::new);
        plain(AwsAccessKeyDetector.NAME, AwsAccessKeyDetector::new);
        plain(GithubTokenDetector.NAME, GithubTokenDetector::new);
        plain(SlackTokenDetector.NAME, SlackTokenDetector::new);
        plain(StripeKeyDetector.NAME, StripeKeyDetector::new);
        plain(GoogleApiKeyDetector.NAME, GoogleApiKeyDetector::new);
        plain(OpenAiKeyDetector.NAME, OpenAiKeyDetector::new);
        plain(GenericTokenDetector.NAME, GenericTokenDetector::new);
        factories.put(SecretKeyValueDetector.NAME, (options, keys) -> {
            noOptions(SecretKeyValueDetector.NAME, options);
            return new SecretKeyValueDetector(keys);
        });
        plain(CreditCardDetector.NAME, CreditCardDetector::new);
        plain(IbanDetector.NAME, IbanDetector::new);
        plain(SsnDetector.NAME, SsnDetector::new);
        plain(EmailDetector.NAME, EmailDetector::new);
        factories.put(Ipv4Detector.NAME, (options, keys) -> new Ipv4Detector(keepNetwork(Ipv4Detector.NAME, options)));
        factories.put(Ipv6Detector.NAME, (options, keys) -> new Ipv6Detector(keepNetwork(Ipv6Detector.NAME, options)));
    }

    /** The shared catalog. */
    public static BuiltInDetectors catalog() {
        return INSTANCE;
    }

    @Override
    public Set<String> names() {
        return factories.keySet();
    }

    @Override
    public Detector create(String name, Map<String, String> options, SensitiveKeyMatcher keys) {
        BiFunction<Map<String, String>, SensitiveKeyMatcher, Detector> factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown detector '" + name + "'; known: " + String.join(", ", names()));
        }
        return factory.apply(options == null ? Map.of() : options, keys == null ? SensitiveKeyMatcher.defaults() : keys);
    }

    @Override
    public Action defaultAction(String name) {
        return Action.MASK;
    }

    private void plain(String name, java.util.function.Supplier<Detector> constructor) {
        factories.put(name, (options, keys) -> {
            noOptions(name, options);
            return constructor.get();
        });
    }

    private static void noOptions(String name, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("detector '" + name + "' takes no options, got " + options.keySet());
        }
    }

    private static boolean keepNetwork(String name, Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals("keepNetwork")) {
                throw new IllegalArgumentException("detector '" + name + "' has no option '" + key + "'; known: keepNetwork");
            }
        }
        String value = options.getOrDefault("keepNetwork", "false").trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("detector '" + name + "': keepNetwork must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
