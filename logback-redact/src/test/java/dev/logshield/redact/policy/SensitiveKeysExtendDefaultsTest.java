package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensitiveKeysExtendDefaultsTest {

    @Test
    void extraWordsAddToTheDefaultsForTheMatcherAndTheSecretDetector() {
        RedactionPolicy policy = PolicyFileLoader.parse("sensitiveKeys: [pin, x-internal-auth]\n", "p.yaml").policy();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, new TestCatalog(), null);

        assertThat(compiled.redactor().sensitiveKeys().matches("card_pin")).isTrue();
        assertThat(compiled.redactor().sensitiveKeys().matches("X-Internal-Auth")).isTrue();
        assertThat(compiled.redactor().sensitiveKeys().matches("dbPassword")).as("defaults kept").isTrue();
        assertThat(compiled.redactor().redact("pin=1234 password=hunter2 color=blue"))
                .isEqualTo("pin=[REDACTED:secret] password=[REDACTED:secret] color=blue");
        assertThat(compiled.redactor().redactValue("user_pin", "1234")).isEqualTo("[REDACTED:secret]");
    }

    @Test
    void withoutExtrasOnlyTheDefaultsAreSensitive() {
        CompiledPolicy compiled = PolicyCompiler.compile(RedactionPolicy.empty(), new TestCatalog(), null);

        assertThat(compiled.redactor().redact("pin=1234 password=hunter2")).isEqualTo("pin=1234 password=[REDACTED:secret]");
    }
}
