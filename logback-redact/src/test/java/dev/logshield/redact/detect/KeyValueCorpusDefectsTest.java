package dev.logshield.redact.detect;

import dev.logshield.redact.engine.SensitiveKeyMatcher;
import static dev.logshield.redact.detect.Redactions.alnum;
import static dev.logshield.redact.detect.Redactions.b64;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key/value secrets a held-out corpus showed missed or cut short: values starting with {@code ~} (Azure client
 * secrets) taken for the {@code =~} operator; values holding {@code & # ~ ] } ) , '} cut at the first of them,
 * leaving most of the secret; and {@code sig=}, the signature of Azure SAS tokens and webhooks, not a sensitive key.
 */
class KeyValueCorpusDefectsTest extends DetectorCorpusTest {

    private static final SecretKeyValueDetector DETECTOR = new SecretKeyValueDetector();
    private static final String M = "[REDACTED:secret]";

    /** An Azure-style client secret: three characters, a digit, {@code Q~}, then 34 characters. */
    static final String AZURE = alnum(3, 1) + "8Q~" + alnum(34, 2);
    /** A client secret that starts with {@code ~}. */
    static final String TILDE = "~" + alnum(5, 3) + "~" + alnum(33, 4);
    /** The corpus's punctuation-heavy passwords. */
    static final String PUNCTUATED = "&mOO8#x~]}),'Zq9";

    static Stream<Missed> missedLines() {
        String sas = URLEncoder.encode(b64("fake-sas-signature-bytes-0123"), StandardCharsets.UTF_8);
        String webhook = alnum(40, 5);
        return Stream.of(
                missed(DETECTOR, "client_secret=" + TILDE, "client_secret=" + M, TILDE),
                missed(DETECTOR, "AZURE_CLIENT_SECRET=" + AZURE + " tenant=contoso",
                        "AZURE_CLIENT_SECRET=" + M + " tenant=contoso", AZURE),
                missed(DETECTOR, "cfg {clientSecret=" + TILDE + ", tenant=contoso}",
                        "cfg {clientSecret=" + M + ", tenant=contoso}", TILDE),
                missed(DETECTOR, "password=" + PUNCTUATED, "password=" + M, PUNCTUATED),
                missed(DETECTOR, "passwd=" + PUNCTUATED, "passwd=" + M, PUNCTUATED),
                // the built-in engine masks the IP address too
                new Missed(DETECTOR, "login user=bob password=" + PUNCTUATED + " ip=10.0.0.1",
                        "login user=bob password=" + M + " ip=10.0.0.1",
                        "login user=bob password=" + M + " ip=[REDACTED:ipv4]", PUNCTUATED),
                missed(DETECTOR, "User(name=bob, password=" + PUNCTUATED + ")",
                        "User(name=bob, password=" + M + ")", PUNCTUATED),
                missed(DETECTOR, "password=ab,cd)ef", "password=" + M, "ab,cd)ef"),
                missed(DETECTOR, "pwd=it's-mine", "pwd=" + M, "it's-mine"),
                missed(DETECTOR, "GET /blob/c/b.txt?sv=2022-11-02&sr=b&sp=r&sig=" + sas + "&se=2030-01-01",
                        "GET /blob/c/b.txt?sv=2022-11-02&sr=b&sp=r&sig=" + M + "&se=2030-01-01", sas),
                missed(DETECTOR, "webhook verified sig=" + webhook + " ts=1700000000",
                        "webhook verified sig=" + M + " ts=1700000000", webhook),
                missed(DETECTOR, "{\"requestSig\":\"" + webhook + "\"}", "{\"requestSig\":\"" + M + "\"}", webhook));
    }

    /** Where values still end: query strings, logfmt, toString()s, lists, JSON, shell quotes. */
    static Stream<Arguments> structures() {
        return Stream.of(
                arguments("GET /login?a=1&password=x&b=2", "GET /login?a=1&password=" + M + "&b=2"),
                arguments("q=1&password=x&amp;next=2", "q=1&password=" + M + "&amp;next=2"),
                arguments("password=x user=bob", "password=" + M + " user=bob"),
                arguments("User(password=x, name=bob)", "User(password=" + M + ", name=bob)"),
                arguments("{password=x}", "{password=" + M + "}"),
                arguments("{password=x}, next", "{password=" + M + "}, next"),
                arguments("[pwd=x][user=y]", "[pwd=" + M + "][user=y]"),
                arguments("pwd=x,user=y", "pwd=" + M + ",user=y"),
                arguments("(pwd=x);", "(pwd=" + M + ");"),
                arguments("pwd=x),(user=y)", "pwd=" + M + "),(user=y)"),
                arguments("echo 'password=abc'", "echo 'password=" + M + "'"),
                arguments("{\"password\":\"a&b,c)d\",\"n\":1}", "{\"password\":\"" + M + "\",\"n\":1}"),
                arguments("token=abc\"", "token=" + M + "\""),
                arguments("password=abc)&b=2", "password=" + M + ")&b=2"),
                arguments("password=abc&", "password=" + M),
                arguments("password=a&&b", "password=" + M));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void valuesEndWhereTheStructureDoes(String line, String expected) {
        assertThat(mask(DETECTOR, line)).isEqualTo(expected);
    }

    static Stream<LookAlike> lookAlikes() {
        return cleanLinesAnd(DETECTOR,
                "secret =~ /abc/",
                "if ($password =~ /^\\w+$/) { ok }",
                "if ($password=~/^\\w+$/) { ok }",
                "die unless $token=~m{^ghp_}",
                "next if $secret=~s/x//",
                "[[ $PASSWORD =~ ^[a-z]+$ ]]",
                "a=~b and c=~d",
                "password=&user=bob",
                "password=&amp;user=bob",
                "signal=3 design=flat assign=1 consign=2",
                "signature_count=",
                "config sigma=2.5 sigint=1");
    }

    @Test
    void sigIsAShortWordEndingAtABoundary() {
        SensitiveKeyMatcher keys = SensitiveKeyMatcher.defaults();
        for (String key : List.of("sig", "SIG", "requestSig", "x-sig", "sig_v2", "hmac.sig")) {
            assertThat(keys.matches(key)).as(key).isTrue();
        }
        for (String key : List.of("signal", "design", "assign", "sigma", "sigint", "insignia")) {
            assertThat(keys.matches(key)).as(key).isFalse();
        }
    }
}
