package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.BUILT_IN;
import static dev.logshield.redact.detect.Redactions.b64url;
import static dev.logshield.redact.detect.Redactions.jwt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JWTs a held-out corpus showed missed: their payload JSON does not start with <code>{"</code>, so its base64url
 * does not start with {@code eyJ} (<code>{ "sub"</code> encodes to {@code eyAi}, <code>{\n</code> to {@code ewo}).
 * A payload is accepted when its first bytes open a JSON object.
 */
class JwtCorpusDefectsTest extends DetectorCorpusTest {

    private static final JwtDetector DETECTOR = new JwtDetector();
    private static final String M = "[REDACTED:jwt]";
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    static Stream<Missed> missedLines() {
        String spaced = jwt(HEADER, "{ \"sub\": \"user-42\", \"iat\": 1516239022 }", 32);
        String pretty = jwt(HEADER, "{\n  \"sub\": \"user-42\"\n}", 32);
        String indented = jwt(HEADER, "  {\"sub\":\"user-42\"}", 32);
        String tabbed = jwt(HEADER, "{\t\"scope\":\"read\"}", 64);
        String empty = jwt(HEADER, "{}", 32);
        return Stream.of(
                missed(DETECTOR, "validated " + spaced + " in 3 ms", "validated " + M + " in 3 ms", spaced),
                missed(DETECTOR, "id_token=" + pretty + "&state=af0ifj", "id_token=" + M + "&state=af0ifj", pretty),
                missed(DETECTOR, "rejected " + indented + ".", "rejected " + M + ".", indented),
                missed(DETECTOR, "{\"t\":\"" + tabbed + "\"}", "{\"t\":\"" + M + "\"}", tabbed),
                missed(DETECTOR, "token " + empty + " expired", "token " + M + " expired", empty));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missedLines")
    void missedTokensHavePayloadsNotStartingWithEyJ(Missed missed) {
        assertThat(payloadOf(missed.secret())).doesNotStartWith("eyJ");
    }

    private static String payloadOf(String token) {
        return token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
    }

    @Test
    void payloadCheckDecodesTheFirstBytes() {
        for (String json : List.of("{\"a\":1}", "{ \"a\":1}", "\n{\n\"a\":1}", "{}", " { } ")) {
            String p = b64url(json);
            assertThat(JwtDetector.payloadOpensJsonObject(p, 0, p.length())).as(json).isTrue();
        }
        for (String json : List.of("[1,2]", "notjson", "{a:1}", "{{\"a\":1}}", "x{\"a\":1}", "{", "", "\"{\"")) {
            String p = b64url(json);
            assertThat(JwtDetector.payloadOpensJsonObject(p, 0, p.length())).as(json).isFalse();
        }
        String blanks = b64url(" ".repeat(40) + "{\"a\":1}");
        assertThat(JwtDetector.payloadOpensJsonObject(blanks, 0, blanks.length())).as("blanks past the peek").isFalse();
    }

    static Stream<LookAlike> lookAlikes() {
        String header = b64url(HEADER);
        return cleanLinesAnd(DETECTOR,
                "array payload " + header + "." + b64url("[\"sub\",1]") + ".c2lnbmF0dXJl",
                "text payload " + header + "." + b64url("not json at all") + ".c2lnbmF0dXJl",
                "unquoted keys " + header + "." + b64url("{sub:1}") + ".c2lnbmF0dXJl",
                "word payload " + header + ".abcdefgh.c2lnbmF0dXJl",
                "version " + header + ".v1.c2lnbmF0dXJl");
    }

    /** A header whose JSON opens with a blank ({@code eyAi...}) or a line break ({@code ewo...}). */
    static Stream<String> tokensWithOtherHeaders() {
        return Stream.of(
                jwt("{ \"alg\": \"RS256\", \"typ\": \"JWT\" }", "{\"sub\":\"user-42\"}", 64),
                jwt("{\n  \"alg\": \"ES256\"\n}", "{ \"sub\": \"user-42\" }", 64));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensWithOtherHeaders")
    void headerCheckAcceptsHeadersThatOpenWithBlanks(String token) {
        int dot = token.indexOf('.');
        assertThat(JwtDetector.headerIsJsonWithAlg(token, 0, dot)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensWithOtherHeaders")
    void builtInEngineMasksTokensWhoseHeaderOpensWithBlanks(String token) {
        assertThat(BUILT_IN.redact("id " + token + " ok")).isEqualTo("id " + M + " ok");
    }
}
