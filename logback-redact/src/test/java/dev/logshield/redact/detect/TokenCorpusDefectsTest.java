package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.BUILT_IN;
import static dev.logshield.redact.detect.Redactions.alnum;
import static dev.logshield.redact.detect.Redactions.jwt;
import static dev.logshield.redact.detect.Redactions.label;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Detector;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Provider tokens a held-out corpus showed missed. GitHub: bodies with {@code _} (GitHub's published character set
 * for its prefixed tokens is {@code [A-Za-z0-9_]}), such as a 122-character {@code ghs_} token, and the stateless
 * installation tokens {@code ghs_APPID_JWT} (about 520 characters, two dots). Slack: tokens as short as Slack's own
 * examples ({@code xoxe-1-...}, {@code xoxa-2-...}) and the documented {@code xoxe.xoxp-}/{@code xoxe.xoxb-} and
 * {@code xapp-} prefixes. All values are built at run time from obviously fake characters.
 */
class TokenCorpusDefectsTest extends DetectorCorpusTest {

    private static final GithubTokenDetector GITHUB = new GithubTokenDetector();
    private static final SlackTokenDetector SLACK = new SlackTokenDetector();

    /** A stateless installation token: {@code ghs_}, an app id, {@code _} and a JWT, about 520 characters. */
    static String statelessInstallationToken() {
        String claims = "{\"iss\":\"fake-github-issuer\",\"app\":123456,\"installation\":98765432,"
                + "\"exp\":1700003600,\"permissions\":\"contents:read,metadata:read\"}";
        return "ghs_123456_" + jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims, 256);
    }

    /** {@code token} in {@code line}, which {@code detector} must mask whole. */
    record TokenInLine(Detector detector, String line, String token) {
        Missed asMissed() {
            return missed(detector, line, line.replace(token, label(detector.name())), token.substring(5));
        }

        @Override
        public String toString() {
            return line;
        }
    }

    static Stream<TokenInLine> tokens() {
        String ghs122 = "ghs_" + alnum(40, 1) + "_" + alnum(77, 2);
        String ghp = "ghp_" + alnum(20, 3) + "_" + alnum(20, 4);
        String stateless = statelessInstallationToken();
        String xoxe = "xoxe-1-" + alnum(10, 5);
        String xoxa = "xoxa-2-" + alnum(12, 6);
        String xoxp = "xoxp-12345-67890-" + alnum(7, 7);
        String config = "xoxe.xoxp-1-" + alnum(40, 8);
        String rotating = "xoxe.xoxb-1-" + alnum(40, 9);
        String opaque = "ghs_" + alnum(40, 10);
        return Stream.of(
                new TokenInLine(GITHUB, "installation token " + ghs122 + " issued", ghs122),
                new TokenInLine(GITHUB, "export GH_TOKEN=" + ghp, ghp),
                new TokenInLine(GITHUB, "installation token " + stateless + " issued", stateless),
                new TokenInLine(GITHUB, "got " + stateless + ".", stateless),
                new TokenInLine(GITHUB, "see " + opaque + ".md", opaque),            // a dot that joins no JWT ends it
                new TokenInLine(GITHUB, "chain " + stateless + ".x", stateless),
                new TokenInLine(SLACK, "refresh with " + xoxe + " now", xoxe),
                new TokenInLine(SLACK, "workspace token " + xoxa, xoxa),
                new TokenInLine(SLACK, "[" + xoxp + "]", xoxp),
                new TokenInLine(SLACK, "config token " + config + " rotated", config),
                new TokenInLine(SLACK, "bot token " + rotating + " rotated", rotating));
    }

    static Stream<Missed> missedLines() {
        return tokens().map(TokenInLine::asMissed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void tokenIsNoLongerThanAStatelessToken(TokenInLine tokenInLine) {
        assertThat(tokenInLine.token().length()).isLessThanOrEqualTo(GithubTokenDetector.MAX_STATELESS_TOKEN);
    }

    @Test
    void statelessTokenIsAboutTheDocumentedLength() {
        String token = statelessInstallationToken();
        assertThat(token.length()).isBetween(400, 700);
        assertThat(token.chars().filter(c -> c == '.').count()).isEqualTo(2);
    }

    static Stream<LookAlike> lookAlikes() {
        Stream<LookAlike> github = cleanLinesAnd(GITHUB,
                "ghs_" + alnum(1100, 0),                          // longer than any token
                "ghs_" + alnum(30, 0) + "." + alnum(30, 1),       // one dot: not a JWT, and 30 is too short
                "ghs_." + alnum(40, 0),
                "the ghs_ prefix marks installation tokens");
        Stream<LookAlike> slack = cleanLinesAnd(SLACK,
                "xoxe-1-abc",                                     // too short
                "xoxb-" + alnum(19, 0),                           // short, and no numbered field
                "xoxe-one-" + alnum(10, 0),
                "xoxa-2",
                "xoxb-1-",
                "xoxe.xoxp-",
                "xoxe-1-" + alnum(10, 0) + "_x",                  // not standing alone
                "slack prefixes xoxb- and xoxe.xoxp- are documented");
        return Stream.concat(github, slack);
    }

    /** Slack's app-level tokens: {@code xapp-}, which the engine's text profile does not flag as a Slack word. */
    static Stream<String> appLevelTokens() {
        return Stream.of("xapp-1-A0" + alnum(9, 1) + "-1234567890123-" + alnum(32, 2), "xapp-1-" + alnum(12, 3));
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("appLevelTokens")
    void builtInEngineMasksAppLevelTokens(String token) {
        assertThat(BUILT_IN.redact("app token " + token + " loaded")).isEqualTo("app token [REDACTED:slack-token] loaded");
    }
}
