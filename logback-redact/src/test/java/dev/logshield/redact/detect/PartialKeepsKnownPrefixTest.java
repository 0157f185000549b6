package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.alnum;
import static dev.logshield.redact.detect.Redactions.base32;
import static dev.logshield.redact.detect.Redactions.redactor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Provider detectors report their prefix as known, so {@code partial} keeps it and four characters each side. */
class PartialKeepsKnownPrefixTest {

    static Stream<Arguments> keys() {
        String gh = alnum(36, 0);
        String stripe = alnum(24, 1);
        String aws = base32(16, 2);
        String openAi = alnum(40, 3);
        String google = alnum(35, 4);
        String slack = "123456789012-" + alnum(24, 5);
        return Stream.of(
                Arguments.of(new GenericTokenDetector(), "session tok-1234567890abcdef ok", "session tok-1234****cdef ok"),
                Arguments.of(new GenericTokenDetector(), "api_" + alnum(20, 6), "api_" + alnum(20, 6).substring(0, 4) + "****" + alnum(20, 6).substring(16)),
                Arguments.of(new GithubTokenDetector(), "push with ghp_" + gh, "push with ghp_" + gh.substring(0, 4) + "****" + gh.substring(32)),
                Arguments.of(new StripeKeyDetector(), "key=sk_live_" + stripe, "key=sk_live_" + stripe.substring(0, 4) + "****" + stripe.substring(20)),
                Arguments.of(new AwsAccessKeyDetector(), "AKIA" + aws, "AKIA" + aws.substring(0, 4) + "****" + aws.substring(12)),
                Arguments.of(new OpenAiKeyDetector(), "sk-proj-" + openAi, "sk-proj-" + openAi.substring(0, 4) + "****" + openAi.substring(36)),
                Arguments.of(new GoogleApiKeyDetector(), "AIza" + google, "AIza" + google.substring(0, 4) + "****" + google.substring(31)),
                Arguments.of(new SlackTokenDetector(), "xoxb-" + slack, "xoxb-" + slack.substring(0, 4) + "****" + slack.substring(slack.length() - 4)));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void keepsPrefixAndEnds(Detector detector, String line, String expected) {
        assertThat(redactor(detector, Action.PARTIAL).redact(line)).isEqualTo(expected);
    }
}
