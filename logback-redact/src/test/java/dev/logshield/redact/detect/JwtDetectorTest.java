package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.b64url;
import static dev.logshield.redact.detect.Redactions.jwt;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JwtDetectorTest {

    private static final JwtDetector DETECTOR = new JwtDetector();
    private static final String M = "[REDACTED:jwt]";

    private static final String HS256 = jwt();
    private static final String RS256 = jwt("{\"alg\":\"RS256\",\"kid\":\"2024-05-key-1\",\"typ\":\"JWT\"}",
            "{\"iss\":\"https://issuer.example.com\",\"sub\":\"user-42\",\"aud\":[\"api\"],\"exp\":1735689600,"
                    + "\"scope\":\"read write\",\"roles\":[\"admin\",\"ops\"]}", 256);
    private static final String ES256 = jwt("{\"typ\": \"at+jwt\", \"alg\": \"ES256\"}", "{\"client_id\":\"web\"}", 64);
    private static final String UNSIGNED = jwt("{\"alg\":\"none\"}", "{\"sub\":\"fake\",\"admin\":true}", 0);
    private static final String PRETTY = jwt("{\"typ\":\"JWT\",\n  \"alg\" : \"HS512\"\n}\n", "{\"n\":1}", 64);

    static Stream<Arguments> tokensInLogLines() {
        return Stream.of(
                Arguments.of("Authorization: Bearer " + HS256, "Authorization: Bearer " + M),
                Arguments.of("id_token=" + RS256 + "&state=af0ifjsldkj", "id_token=" + M + "&state=af0ifjsldkj"),
                Arguments.of("{\"access_token\":\"" + ES256 + "\",\"expires_in\":3600}",
                        "{\"access_token\":\"" + M + "\",\"expires_in\":3600}"),
                Arguments.of("redirect https://app.example.com/cb#access_token=" + HS256 + "&token_type=Bearer",
                        "redirect https://app.example.com/cb#access_token=" + M + "&token_type=Bearer"),
                Arguments.of("rejected token " + RS256 + ".", "rejected token " + M + "."),
                Arguments.of(HS256, M),
                Arguments.of("jwt='" + ES256 + "'", "jwt='" + M + "'"),
                Arguments.of("validated (" + HS256 + ") in 3 ms", "validated (" + M + ") in 3 ms"),
                Arguments.of("<token>" + RS256 + "</token>", "<token>" + M + "</token>"),
                Arguments.of("Set-Cookie: jwt=" + HS256 + "; Path=/; HttpOnly", "Set-Cookie: jwt=" + M + "; Path=/; HttpOnly"),
                Arguments.of("old=" + HS256 + " new=" + ES256, "old=" + M + " new=" + M),
                Arguments.of("GET /magic-link/verify/" + HS256 + "/confirm HTTP/1.1",
                        "GET /magic-link/verify/" + M + "/confirm HTTP/1.1"),
                Arguments.of("\t" + RS256 + "\n", "\t" + M + "\n"),
                Arguments.of("unsigned token accepted: " + UNSIGNED + " (alg none)", "unsigned token accepted: " + M + " (alg none)"),
                Arguments.of("claims " + PRETTY + ", header pretty-printed", "claims " + M + ", header pretty-printed"),
                Arguments.of("[" + ES256 + "]", "[" + M + "]"),
                Arguments.of("{traceId=7f3a, jwt=" + HS256 + "}", "{traceId=7f3a, jwt=" + M + "}"),
                Arguments.of(RS256 + ": signature verification failed", M + ": signature verification failed"),
                Arguments.of("refresh failed for «" + HS256 + "»", "refresh failed for «" + M + "»"),
                Arguments.of("tokens=" + HS256 + "," + RS256 + "," + ES256, "tokens=" + M + "," + M + "," + M),
                Arguments.of("X-Forwarded-Access-Token: " + ES256, "X-Forwarded-Access-Token: " + M),
                Arguments.of("line1\nBearer " + UNSIGNED + "\nline3", "line1\nBearer " + M + "\nline3"));
    }

    @ParameterizedTest
    @MethodSource("tokensInLogLines")
    void masksWholeToken(String line, String expected) {
        assertThat(mask(DETECTOR, line)).isEqualTo(expected);
    }

    static Stream<String> lookAlikes() {
        String header = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64url("{\"sub\":\"1234567890\"}");
        List<String> lines = new ArrayList<>(Redactions.CLEAN_LINES);
        lines.addAll(List.of(
                "header only " + header,
                "two segments " + header + "." + payload,
                "no alg " + b64url("{\"typ\":\"JWT\"}") + "." + payload + ".c2ln",
                "alg as a value " + b64url("{\"typ\":\"alg\",\"x\":1}") + "." + payload + ".c2ln",
                "not an object " + b64url("[\"alg\",1]") + "." + payload + ".c2ln",
                "payload not JSON " + header + ".bm90anNvbg.c2ln",
                "embedded x" + header + "." + payload + ".c2ln",
                "dotted chain a." + header + "." + payload + ".c2ln",
                "four segments " + header + "." + payload + ".c2ln.ZXh0cmE",
                "bad header length " + header + "A." + payload + ".c2ln",
                "bad signature length " + header + "." + payload + ".c2lnA",
                "control bytes " + b64url("{\"alg\":\"HS256\u0001\"}") + "." + payload + ".c2ln",
                "the prefix eyJ marks base64 JSON, as in eyJhbGci...",
                "version 1.2.3 of eyJ.tools.Parser",
                "dev.logshield.redact.detect.JwtDetector started",
                "eyJ.eyJ.eyJ"));
        return lines.stream();
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void leavesLookAlikesUntouched(String line) {
        assertThat(mask(DETECTOR, line)).isSameAs(line);
    }

    @Test
    void headerCheckDecodesAndRequiresAlgKey() {
        String ok = b64url("{\"alg\":\"RS256\"}");
        assertThat(JwtDetector.headerIsJsonWithAlg(ok, 0, ok.length())).isTrue();
        String noAlg = b64url("{\"algorithm\":\"RS256\"}");
        assertThat(JwtDetector.headerIsJsonWithAlg(noAlg, 0, noAlg.length())).isFalse();
    }
}
