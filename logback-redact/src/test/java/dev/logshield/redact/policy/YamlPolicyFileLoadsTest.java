package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import org.junit.jupiter.api.Test;

class YamlPolicyFileLoadsTest {

    @Test
    void everySectionLoadsIntoThePolicy() {
        LoadedPolicy loaded = PolicyFileLoader.load("classpath:policy/full.yaml", getClass().getClassLoader());

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.policy()).isEqualTo(ExamplePolicy.expected());
        assertThat(loaded.policy().detectorSettings()).containsOnlyKeys("email", "ipv4", "ssn", "iban", "jwt");
        assertThat(loaded.policy().detectorSettings().keySet()).containsExactly("email", "ipv4", "ssn", "iban", "jwt");
        assertThat(loaded.policy().customRules().get(0).action()).isEqualTo(Action.HASH);
        assertThat(loaded.policy().hashKey()).get().extracting(HashKeySpec::keyId).isEqualTo("k2");
    }

    @Test
    void offIsAStringInYaml12AndStillSwitchesTheDetectorOff() {
        LoadedPolicy loaded = PolicyFileLoader.parse("version: 1\ndetectors:\n  ssn: off\n  iban: no\n", "p.yaml");

        assertThat(loaded.policy().detectorSettings().get("ssn").enabled()).isFalse();
        // 'no' is neither a YAML 1.2 boolean nor an action: reported, not guessed
        assertThat(loaded.problems()).singleElement().asString().contains("p.yaml line 4", "unknown action 'no'");
    }

    @Test
    void contentWithoutAKnownExtensionIsSniffed() {
        LoadedPolicy yaml = PolicyFileLoader.parse("version: 1\ndetectors: { email: drop }\n", "policy.conf");
        LoadedPolicy json = PolicyFileLoader.parse("{\"version\": 1, \"detectors\": {\"email\": \"drop\"}}", "policy.conf");

        assertThat(yaml.problems()).isEmpty();
        assertThat(json.problems()).isEmpty();
        assertThat(yaml.policy()).isEqualTo(json.policy());
        assertThat(yaml.policy().detectorSettings().get("email").action()).isEqualTo(Action.DROP);
    }
}
