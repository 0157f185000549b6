package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.alnum;
import static dev.logshield.redact.detect.Redactions.b64;
import static dev.logshield.redact.detect.Redactions.jwt;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorizationHeaderDetectorTest {

    private static final AuthorizationHeaderDetector DETECTOR = new AuthorizationHeaderDetector();
    private static final String M = "[REDACTED:auth-header]";
    private static final String TOKEN = alnum(32, 1);
    private static final String BASIC = b64("svc-user:fake-pass-1");

    static Stream<Arguments> credentials() {
        String jwt = jwt();
        return Stream.of(
                // header forms: any non-empty credential
                Arguments.of("Authorization: Bearer " + TOKEN, "Authorization: Bearer " + M),
                Arguments.of("authorization: bearer abc", "authorization: bearer " + M),
                Arguments.of("Proxy-Authorization: Basic " + b64("proxyuser:proxypass"), "Proxy-Authorization: Basic " + M),
                Arguments.of("{\"Authorization\":\"Bearer " + TOKEN + "\",\"Accept\":\"*/*\"}",
                        "{\"Authorization\":\"Bearer " + M + "\",\"Accept\":\"*/*\"}"),
                Arguments.of("headers={Authorization=Bearer " + TOKEN + ", Accept=application/json}",
                        "headers={Authorization=Bearer " + M + ", Accept=application/json}"),
                Arguments.of("Authorization: Basic " + b64("svc:pa ss"), "Authorization: Basic " + M),
                Arguments.of("{'Authorization': 'Basic " + BASIC + "'}", "{'Authorization': 'Basic " + M + "'}"),
                Arguments.of("HTTP_AUTHORIZATION=Bearer short", "HTTP_AUTHORIZATION=Bearer " + M),
                Arguments.of("Authorization:Bearer " + TOKEN, "Authorization:Bearer " + M),
                Arguments.of("> Authorization: Bearer " + jwt + "\n> Accept: */*", "> Authorization: Bearer " + M + "\n> Accept: */*"),
                Arguments.of("Authorization: BASIC " + BASIC, "Authorization: BASIC " + M),
                Arguments.of("X-Authorization :  Bearer " + TOKEN, "X-Authorization :  Bearer " + M),
                // bare forms: credential-looking tokens only
                Arguments.of("calling upstream with Bearer " + TOKEN + " failed", "calling upstream with Bearer " + M + " failed"),
                Arguments.of("curl -H 'Bearer " + TOKEN + "' https://api.example.com", "curl -H 'Bearer " + M + "' https://api.example.com"),
                Arguments.of("sent Basic " + b64("user:password") + " to proxy", "sent Basic " + M + " to proxy"),
                Arguments.of("bearer 0123456789abcdef0123", "bearer " + M),
                Arguments.of("token type Bearer ya29." + TOKEN + " expired", "token type Bearer " + M + " expired"),
                Arguments.of("stripe style Basic " + b64("apikey:"), "stripe style Basic " + M),
                Arguments.of("legacy Bearer FakeTokenWithoutDigitsAbc", "legacy Bearer " + M),
                Arguments.of("(Bearer " + TOKEN + ")", "(Bearer " + M + ")"),
                Arguments.of("Bearer\t" + TOKEN, "Bearer\t" + M),
                Arguments.of("BEARER " + TOKEN + "; retrying", "BEARER " + M + "; retrying"),
                Arguments.of("then used Basic " + BASIC + ".", "then used Basic " + M + "."),
                Arguments.of("padded Bearer abc123DEF456ghi789== ok", "padded Bearer " + M + " ok"),
                Arguments.of("jwt Bearer " + jwt + ", done", "jwt Bearer " + M + ", done"));
    }

    @ParameterizedTest
    @MethodSource("credentials")
    void masksCredentialAndKeepsScheme(String line, String expected) {
        assertThat(mask(DETECTOR, line)).isEqualTo(expected);
    }

    static Stream<String> lookAlikes() {
        List<String> lines = new ArrayList<>(Redactions.CLEAN_LINES);
        lines.addAll(List.of(
                "he was the bearer of bad news",
                "basic setup finished in 2 s",
                "Basic auth is disabled for this realm",
                "Bearer token missing",
                "Bearer tokens are required for /admin",
                "Bearer authentication failed for client web",
                "basic arithmetic 1234",
                "supports Bearer token-based access",
                "Authorization: Bearer <token>",
                "use Basic " + b64("user") + " to login",
                "Basic abcd",
                "bearer 1234567",
                "Bearer abcdefghijkl",
                "Bearers abc12345678 and Basically 12345678",
                "x-bearer 12345678abc",
                "Bearer abc12345678@host",
                "Basic authentication with realm=\"api\"",
                "Authorization required",
                "Basic " + BASIC + "-extra",
                "BasicAuthFilter initialised with BearerTokenResolver",
                "bearer: 12345678abc",
                "Bearer " + TOKEN + "\u00e9t\u00e9"));
        return lines.stream();
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void leavesProseAndLookAlikesUntouched(String line) {
        assertThat(mask(DETECTOR, line)).isSameAs(line);
    }
}
