package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Rule;
import org.junit.jupiter.api.Test;

class UnknownDetectorIsReportedTest {

    @Test
    void unknownNameInFileIsACompilerErrorAndTheRestApplies() {
        LoadedPolicy loaded = PolicyFileLoader.load("classpath:policy/unknown-detector.yaml", getClass().getClassLoader());
        assertThat(loaded.problems()).isEmpty(); // the loader cannot know the catalog

        CompiledPolicy compiled = PolicyCompiler.compile(loaded.policy(), new TestCatalog(), RedactionListener.NONE);

        assertThat(compiled.errors()).containsExactly(
                "unknown detector 'emial' (did you mean 'email'?); known: email, ipv4, secret");
        assertThat(compiled.warnings()).isEmpty();
        assertThat(compiled.redactor().rules()).extracting(Rule::name).containsExactly("email", "secret", "ticket");
        assertThat(compiled.redactor().redact("to bob@example.com from 10.0.0.1 re TCK-1234"))
                .isEqualTo("to [REDACTED:email] from 10.0.0.1 re [REDACTED:ticket]");
    }

    @Test
    void farOffNamesGetNoSuggestion() {
        RedactionPolicy policy = RedactionPolicy.builder().detector(DetectorSetting.off("mastercard")).build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, new TestCatalog(), null);

        assertThat(compiled.errors()).containsExactly("unknown detector 'mastercard'; known: email, ipv4, secret");
        assertThat(compiled.redactor().rules()).hasSize(3);
    }
}
