package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPolicyFileLoadsTest {

    @Test
    void jsonFileGivesTheSamePolicyAsTheYamlOne() {
        LoadedPolicy json = PolicyFileLoader.load("classpath:policy/full.json", getClass().getClassLoader());
        LoadedPolicy yaml = PolicyFileLoader.load("classpath:policy/full.yaml", getClass().getClassLoader());

        assertThat(json.problems()).isEmpty();
        assertThat(json.policy()).isEqualTo(ExamplePolicy.expected()).isEqualTo(yaml.policy());
    }

    @Test
    void jsonBooleansAndStringsBothWork() {
        LoadedPolicy loaded = PolicyFileLoader.parse(
                "{\"version\": 1, \"detectors\": {\"ssn\": false, \"iban\": \"off\", \"jwt\": true}}", "inline.json");

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.policy().detectorSettings().get("ssn").enabled()).isFalse();
        assertThat(loaded.policy().detectorSettings().get("iban").enabled()).isFalse();
        assertThat(loaded.policy().detectorSettings().get("jwt").enabled()).isTrue();
    }
}
