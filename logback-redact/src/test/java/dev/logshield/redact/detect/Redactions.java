package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.policy.PolicyCompiler;
import dev.logshield.redact.policy.RedactionPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Test helpers: one-rule redactors and obviously fake secrets built at run time. */
final class Redactions {

    /** Mixed case and digits, never more than two lower-case letters in a row. */
    private static final String FAKE_ALNUM = "F4kEt0KeNn0Tr3aLzQ9wX8yV7uT6sR5pO2mN1bV0cXzA";
    private static final String FAKE_BASE32 = "FAKEZ2Y3X4W5V6U7TESTQRPNMLKJ";

    /** The redactor users get by default: every built-in detector, the built-in sensitive names, masks. */
    static final Redactor BUILT_IN =
            PolicyCompiler.compile(RedactionPolicy.empty(), BuiltInDetectors.catalog(), RedactionListener.NONE).redactor();

    private Redactions() {
    }

    static String mask(Detector detector, String line) {
        return redactor(detector, Action.MASK).redact(line);
    }

    static Redactor redactor(Detector detector, Action action) {
        return Redactor.builder().rule(detector, action).build();
    }

    static String label(String name) {
        return "[REDACTED:" + name + "]";
    }

    /** A fake {@code [A-Za-z0-9]} body of {@code length} characters; {@code seed} varies it. */
    static String alnum(int length, int seed) {
        return cycle(FAKE_ALNUM, length, seed);
    }

    /** A fake {@code [A-Z2-7]} body. */
    static String base32(int length, int seed) {
        return cycle(FAKE_BASE32, length, seed);
    }

    private static String cycle(String alphabet, int length, int seed) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt((i + seed * 7) % alphabet.length()));
        }
        return b.toString();
    }

    static String b64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A compact JWT with a fake signature of {@code sigBytes} bytes (0 for an unsigned token). */
    static String jwt(String headerJson, String payloadJson, int sigBytes) {
        byte[] sig = new byte[sigBytes];
        for (int i = 0; i < sigBytes; i++) {
            sig[i] = (byte) (i * 37 + 11);
        }
        return b64url(headerJson) + "." + b64url(payloadJson) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    static String jwt() {
        return jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"1234567890\",\"name\":\"Test User\",\"iat\":1516239022}", 32);
    }

    /**
     * Realistic log lines with nothing sensitive in them, for every detector: ids, hashes, class names,
     * URLs without credentials, prose, comparisons, certificates.
     */
    static final List<String> CLEAN_LINES = List.of(
            "request 550e8400-e29b-41d4-a716-446655440000 completed in 35 ms",
            "checked out commit 9fceb02d0ae598e95dc970b74767f19372d61af8 on branch main",
            "sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 size=0",
            "avatar data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
            "\tat dev.logshield.redact.detect.JwtDetector.detect(JwtDetector.java:42)",
            "loaded bean api_version_handler from context",
            "contact mailto:security@example.com?subject=report",
            "assert a == b failed",
            "retry when x >= 3 or y <= 2 and z != 0",
            "GET https://example.com/api/v1/users?page=2&size=50 -> 200 (12 ms)",
            "connected to postgres://db.internal:5432/orders",
            "user alice@example.com logged in from 10.0.0.12",
            "basic setup complete; the bearer of bad news arrived",
            "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUFakeCertificateOnly0123456789\n-----END CERTIFICATE-----",
            "2024-05-01T12:30:45.123Z INFO 4242 --- [main] o.s.b.w.e.tomcat.TomcatWebServer : Tomcat started on port(s): 8080 (http)",
            "max_tokens=512 temperature=0.7 model=gpt-4o",
            "author=Jane Doe title=Notes",
            "Thread pool size: 16, queue capacity: 1000",
            "java.net.ConnectException: Connection refused: localhost/127.0.0.1:6379",
            "build 2f1e3d4c5b6a7980 deployed to eu-west-1",
            "cloning ssh://git@github.com/acme/repo.git",
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEFakePublicKeyOnly\n-----END PUBLIC KEY-----",
            "ETag: \"33a64df551425fcc55e4d42a148795d9f25f89d4\"",
            "Content-Type: application/json; charset=utf-8",
            "tokenizer=bpe vocab_size=50257",
            "std::vector<int> v; v.size() == 0",
            "{\"event\":\"login\",\"user\":\"bob\",\"ok\":true,\"ms\":12}");

    /** {@link #CLEAN_LINES} followed by {@code extras}. */
    static List<String> cleanLinesAnd(String... extras) {
        List<String> lines = new ArrayList<>(CLEAN_LINES);
        lines.addAll(List.of(extras));
        return lines;
    }

    /**
     * The {@link #CLEAN_LINES} that hold personal data (an e-mail address, an IP address), with what the built-in
     * engine makes of them: they hold no secret, but the personal-data detectors mask them.
     */
    private static final Map<String, String> CLEAN_LINES_WITH_PERSONAL_DATA = Map.of(
            "contact mailto:security@example.com?subject=report", "contact mailto:[REDACTED:email]?subject=report",
            "user alice@example.com logged in from 10.0.0.12", "user [REDACTED:email] logged in from [REDACTED:ipv4]",
            "java.net.ConnectException: Connection refused: localhost/127.0.0.1:6379",
            "java.net.ConnectException: Connection refused: localhost/[REDACTED:ipv4]:6379",
            "cloning ssh://git@github.com/acme/repo.git", "cloning ssh://[REDACTED:email]/acme/repo.git");

    /**
     * What {@link #BUILT_IN} makes of {@code line}: a line of {@link #CLEAN_LINES} with its personal data masked,
     * any other line unchanged.
     */
    static String builtInCleanLine(String line) {
        return CLEAN_LINES_WITH_PERSONAL_DATA.getOrDefault(line, line);
    }
}
