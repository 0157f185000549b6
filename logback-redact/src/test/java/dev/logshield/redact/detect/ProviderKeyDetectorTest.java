package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.alnum;
import static dev.logshield.redact.detect.Redactions.base32;
import static dev.logshield.redact.detect.Redactions.label;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every provider key detector finds its keys in log lines and nothing else. */
class ProviderKeyDetectorTest {

    /** Log lines a key shows up in; {@code {}} is the key. */
    private static final List<String> TEMPLATES = List.of(
            "loaded key {} from environment",
            "{\"apiKey\":\"{}\",\"region\":\"eu-west-1\"}",
            "export SERVICE_KEY={}",
            "GET https://api.example.com/v1/items?key={}&limit=10 -> 401",
            "keys=[{}]",
            "value='{}'",
            "{} rejected by upstream (401)",
            "Failed to call billing with credentials ({}), retrying in 5 s",
            "\t{}\n",
            "WARN  c.e.Client - using fallback key: {}; expires soon");

    private record Family(Detector detector, List<String> keys, List<String> lookAlikes) {
    }

    private static List<Family> families() {
        String slackIds = "123456789012-1234567890123-";
        return List.of(
                new Family(new AwsAccessKeyDetector(),
                        List.of("AKIA" + base32(16, 0), "ASIA" + base32(16, 1), "ABIA" + base32(16, 2), "ACCA" + base32(16, 3)),
                        List.of("AKIA" + base32(15, 0), "AKIA" + base32(17, 0), "akia" + base32(16, 0), "AKIB" + base32(16, 0),
                                "XAKIA" + base32(16, 0), "AKIA" + base32(15, 0) + "1", "AKIA" + base32(15, 0) + "8",
                                "AKIA" + base32(16, 0) + "_backup", "AKIA" + base32(12, 0) + "abcd", "arn:aws:iam::123456789012:role/AKIA-Admin")),
                new Family(new GithubTokenDetector(),
                        List.of("ghp_" + alnum(36, 0), "gho_" + alnum(36, 1), "ghu_" + alnum(36, 2), "ghs_" + alnum(36, 3),
                                "ghr_" + alnum(36, 4), "github_pat_" + alnum(22, 5) + "_" + alnum(59, 6), "ghp_" + alnum(40, 7)),
                        List.of("ghp_" + alnum(35, 0), "ghx_" + alnum(36, 0), "GHP_" + alnum(36, 0), "xghp_" + alnum(36, 0),
                                "ghp_" + alnum(20, 0) + "-" + alnum(16, 0), "ghp_" + alnum(36, 0) + "-old", "github_pat_" + alnum(21, 0),
                                "github_pat_" + alnum(30, 0) + "-x", "ghp_" + alnum(300, 0), "docs mention the ghp_ prefix")),
                new Family(new SlackTokenDetector(),
                        List.of("xoxb-" + slackIds + alnum(24, 0), "xoxp-" + slackIds + "123456789012-" + alnum(32, 1),
                                "xoxa-2-" + alnum(40, 2), "xoxe-1-" + alnum(30, 3), "xoxr-" + alnum(30, 4), "xoxs-" + slackIds + alnum(20, 5)),
                        List.of("xoxb-" + alnum(19, 0), "xoxc-" + slackIds + alnum(24, 0), "xoxb-no-digits-in-this-one-at-all",
                                "axoxb-" + slackIds + alnum(24, 0), "XOXB-" + slackIds + alnum(24, 0), "xoxb-" + slackIds + alnum(24, 0) + "_x",
                                "xoxb-" + alnum(300, 0), "slack prefix xoxb- documented", "xoxb_" + slackIds + alnum(24, 0))),
                new Family(new StripeKeyDetector(),
                        List.of("sk_live_" + alnum(24, 0), "rk_live_" + alnum(99, 1), "sk_test_" + alnum(24, 2), "rk_test_" + alnum(16, 3)),
                        List.of("pk_live_" + alnum(24, 0), "pk_test_" + alnum(24, 0), "sk_live_" + alnum(15, 0), "sk_prod_" + alnum(24, 0),
                                "sk_live_" + alnum(10, 0) + "-" + alnum(10, 0), "xsk_live_" + alnum(24, 0), "whsec_" + alnum(32, 0),
                                "sk_test_environment_config", "SK_LIVE_" + alnum(24, 0), "sk_live_" + alnum(300, 0))),
                new Family(new GoogleApiKeyDetector(),
                        List.of("AIza" + alnum(35, 0), "AIza" + alnum(33, 1) + "-_", "AIza" + "_" + alnum(34, 2), "AIza" + alnum(20, 3) + "-" + alnum(14, 4)),
                        List.of("AIza" + alnum(34, 0), "AIza" + alnum(36, 0), "aiza" + alnum(35, 0), "AIzb" + alnum(35, 0),
                                "XAIza" + alnum(35, 0), "AIza" + alnum(34, 0) + "~x", "AIza" + alnum(35, 0).substring(1) + "+",
                                "AIza" + alnum(30, 0) + "-" + alnum(10, 0), "AIzaSyFake")),
                new Family(new OpenAiKeyDetector(),
                        List.of("sk-" + alnum(48, 0), "sk-proj-" + alnum(40, 1) + "_" + alnum(20, 2) + "-" + alnum(30, 3),
                                "sk-svcacct-" + alnum(60, 4), "sk-admin-" + alnum(50, 5), "sk-" + alnum(20, 6)),
                        List.of("sk-" + alnum(19, 0), "sk-learn-preprocessing-pipeline-v2", "sk-" + "abcdef0123456789abcdef01",
                                "task-" + alnum(30, 0), "sk_live_" + alnum(24, 0), "disk-usage-report-2024-05-01", "sk-" + alnum(600, 0),
                                "SK-" + alnum(48, 0), "risk-" + alnum(30, 0), "sk-ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
                new Family(new GenericTokenDetector(),
                        List.of("tok-1234567890abcdef", "tok_" + alnum(16, 0), "api_" + alnum(24, 1), "api-" + alnum(12, 2), "tok_" + alnum(128, 3)),
                        List.of("api_version_handler", "api_v2", "tok_count", "api_1234567890123", "api_abcdefghijklmnop",
                                "api_responsetime2ms", "tok_1234", "api-gateway-v2", "api_keys_rotation_2024", "tok-tokenizer3000",
                                "rapi_" + alnum(20, 0), "api_" + alnum(20, 0) + "_x", "api_" + alnum(129, 0), "API_" + alnum(20, 0))));
    }

    static Stream<Arguments> keysInLogLines() {
        List<Arguments> cases = new ArrayList<>();
        for (Family f : families()) {
            int n = Math.max(20, f.keys().size() * 4);
            for (int i = 0; i < n; i++) {
                String key = f.keys().get(i % f.keys().size());
                String template = TEMPLATES.get((i + i / TEMPLATES.size()) % TEMPLATES.size());
                cases.add(Arguments.of(f.detector().name(), f.detector(), template.replace("{}", key),
                        template.replace("{}", label(f.detector().name()))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("keysInLogLines")
    void masksKey(String name, Detector detector, String line, String expected) {
        assertThat(mask(detector, line)).isEqualTo(expected);
    }

    static Stream<Arguments> lookAlikes() {
        List<Arguments> cases = new ArrayList<>();
        for (Family f : families()) {
            for (String alike : f.lookAlikes()) {
                cases.add(Arguments.of(f.detector().name(), f.detector(), "saw " + alike + " in config"));
                cases.add(Arguments.of(f.detector().name(), f.detector(), alike));
            }
            for (String clean : Redactions.CLEAN_LINES) {
                cases.add(Arguments.of(f.detector().name(), f.detector(), clean));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("lookAlikes")
    void leavesLookAlikesUntouched(String name, Detector detector, String line) {
        assertThat(mask(detector, line)).isSameAs(line);
    }

    @Test
    void everyFamilyHasTwentyPositivesAndTwentyNegatives() {
        for (Family f : families()) {
            assertThat(Math.max(20, f.keys().size() * 4)).isGreaterThanOrEqualTo(20);
            assertThat(f.lookAlikes().size() * 2 + Redactions.CLEAN_LINES.size()).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void namesAreDistinct() {
        assertThat(families().stream().map(f -> f.detector().name()))
                .containsExactly("aws-access-key", "github-token", "slack-token", "stripe-key", "google-api-key", "openai-key",
                        "generic-token")
                .doesNotHaveDuplicates();
    }

    @Test
    void openAiAndStripeDoNotCollide() {
        String stripe = "sk_live_" + alnum(24, 0);
        String openAi = "sk-" + alnum(48, 0);
        assertThat(mask(new OpenAiKeyDetector(), stripe)).isSameAs(stripe);
        assertThat(mask(new StripeKeyDetector(), openAi)).isSameAs(openAi);
    }
}
