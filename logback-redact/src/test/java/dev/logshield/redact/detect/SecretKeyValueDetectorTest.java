package dev.logshield.redact.detect;

import dev.logshield.redact.engine.SensitiveKeyMatcher;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretKeyValueDetectorTest {

    private static final SecretKeyValueDetector DETECTOR = new SecretKeyValueDetector();
    private static final String M = "[REDACTED:secret]";

    static Stream<Arguments> sensitiveValues() {
        return Stream.of(
                Arguments.of("login failed user=bob password=hunter2 ip=10.0.0.1", "login failed user=bob password=" + M + " ip=10.0.0.1"),
                Arguments.of("GET /login?user=bob&password=hunter2&next=%2F", "GET /login?user=bob&password=" + M + "&next=%2F"),
                Arguments.of("db.password = s3cr3t", "db.password = " + M),
                Arguments.of("{\"username\":\"bob\",\"password\":\"hu\\\"nt,er2\",\"remember\":true}",
                        "{\"username\":\"bob\",\"password\":\"" + M + "\",\"remember\":true}"),
                Arguments.of("{\"pin\":1234,\"apiKey\" : \"abc-123\"}", "{\"pin\":1234,\"apiKey\" : \"" + M + "\"}"),
                Arguments.of("{\"otp\":123456,\"client_secret\":987654}", "{\"otp\":123456,\"client_secret\":" + M + "}"),
                Arguments.of("User{name='bob', password='p@ss w0rd'}", "User{name='bob', password='" + M + "'}"),
                Arguments.of("X-Api-Key: abc123def456", "X-Api-Key: " + M),
                Arguments.of("Cookie: JSESSIONID=abc123; theme=dark", "Cookie: " + M),
                Arguments.of("headers: Authorization: Bearer abc.def.ghi, Accept: */*", "headers: Authorization: " + M + ", Accept: */*"),
                Arguments.of("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEY", "aws_secret_access_key=" + M),
                Arguments.of("export DB_PASSWORD='s3cr3t value'", "export DB_PASSWORD='" + M + "'"),
                Arguments.of("props {spring.datasource.password=changeit, url=jdbc:h2:mem}",
                        "props {spring.datasource.password=" + M + ", url=jdbc:h2:mem}"),
                Arguments.of("Set-Cookie: session=abc123; Path=/; HttpOnly", "Set-Cookie: " + M),
                Arguments.of("{:password => \"s3cr3t\"}", "{:password => \"" + M + "\"}"),
                Arguments.of("renewed token: abc123 for bob", "renewed token: " + M + " for bob"),
                Arguments.of("passwd:x", "passwd:" + M),
                Arguments.of("msg={\\\"password\\\":\\\"abc\\\",\\\"u\\\":1}", "msg={\\\"password\\\":\\\"" + M + "\\\",\\\"u\\\":1}"),
                Arguments.of("cfg secret := \"xyz\"", "cfg secret := \"" + M + "\""),
                Arguments.of("POST /login HTTP/1.1\nHost: example.com\nAuthorization: Basic dXNlcjpwYXNz\nContent-Length: 12",
                        "POST /login HTTP/1.1\nHost: example.com\nAuthorization: " + M + "\nContent-Length: 12"),
                Arguments.of("api-key=abc&x=1", "api-key=" + M + "&x=1"),
                Arguments.of("password=\"abc def", "password=\"" + M),
                Arguments.of("sessionId=8f14e45fceea167a5a36dedd4bea2543", "sessionId=" + M),
                Arguments.of("headers {Cookie=a=1; b=2, Host=x}", "headers {Cookie=" + M + ", Host=x}"),
                Arguments.of("{\"secret\" : \"x\", \"n\": 1}", "{\"secret\" : \"" + M + "\", \"n\": 1}"),
                Arguments.of("token = 'abc'", "token = '" + M + "'"),
                Arguments.of("{\"apiKeys\": [\"a1\", \"b2\"], \"n\": 2}", "{\"apiKeys\": [" + M + "], \"n\": 2}"),
                Arguments.of("  Proxy-Authorization: Digest username=\"u\", response=\"6629fae4\"  \r\nHost: x",
                        "  Proxy-Authorization: " + M + "  \r\nHost: x"),
                Arguments.of("DEBUG Creds[user=bob, privateKey=MIIEvQIBADANBg]", "DEBUG Creds[user=bob, privateKey=" + M + "]"),
                Arguments.of("authToken=abc; refreshToken=def", "authToken=" + M + "; refreshToken=" + M),
                Arguments.of("PASSWORD=Tr0ub4dor&3", "PASSWORD=" + M), // & ends a value only before the next pair
                Arguments.of("nested {\"user\":{\"name\":\"bob\",\"credentials\":{\"password\":\"pw\"}}}",
                        "nested {\"user\":{\"name\":\"bob\",\"credentials\":{\"password\":\"" + M + "\"}}}"),
                Arguments.of("url=https://x.example.com/cb?code=1&client_secret=abc#frag", "url=https://x.example.com/cb?code=1&client_secret=" + M));
    }

    @ParameterizedTest
    @MethodSource("sensitiveValues")
    void masksValueAndKeepsKey(String line, String expected) {
        assertThat(mask(DETECTOR, line)).isEqualTo(expected);
    }

    static Stream<String> lookAlikes() {
        List<String> lines = new ArrayList<>(Redactions.CLEAN_LINES);
        lines.addAll(List.of(
                "password=",
                "password=&user=bob",
                "password= ",
                "if (password == null) return",
                "assert token != expected",
                "while token <= 0",
                "when token >= 1",
                "password=null secret=true token=false",
                "{\"password\":\"\"}",
                "{\"secret\":{\"a\":1,\"b\":[{\"c\":2}]}}",
                "max_tokens=5 author=bob tokenizer=bpe",
                "https://example.com/reset-password?step=2",
                "2024-05-01 INFO 1 --- [main] o.s.b.w.e.tomcat.TokenService : Token refreshed",
                "c.e.auth.SessionRegistry: 3 sessions active",
                "compare token::equals",
                "secret => ",
                "user bob password: <hidden>",
                "\tat c.e.auth.TokenService.refresh(TokenService.java:42)",
                "Password reset email sent to bob",
                "session started at 12:30:45",
                "token count: 5",
                "x-request-id: abc123",
                "pwdx = 3",
                "authorized=true",
                "secret =~ /abc/",
                "see https://example.com/password/reset",
                "{\"password\": {\"min\": 8}}"));
        return lines.stream();
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void leavesOtherPairsAndOperatorsUntouched(String line) {
        assertThat(mask(DETECTOR, line)).isSameAs(line);
    }

    @Test
    void usesTheGivenMatcher() {
        SecretKeyValueDetector custom = new SecretKeyValueDetector(SensitiveKeyMatcher.of(List.of("iban")));
        assertThat(mask(custom, "iban=DE89370400440532013000 password=x")).isEqualTo("iban=" + M + " password=x");
    }

    @Test
    void matcherTreatsTokenCountAsSensitive() {
        // documents SensitiveKeyMatcher: "token" is a short word ending at a separator in token_count
        assertThat(mask(DETECTOR, "token_count=5")).isEqualTo("token_count=" + M);
    }
}
