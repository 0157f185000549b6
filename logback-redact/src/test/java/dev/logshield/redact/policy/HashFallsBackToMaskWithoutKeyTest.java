package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashFallsBackToMaskWithoutKeyTest {

    private final RedactionPolicy.Builder hashing = RedactionPolicy.builder()
            .detector(DetectorSetting.of("email", Action.HASH))
            .rule(new CustomRule("order-id", "ORD-[0-9]{8}", List.of("ORD-"), Action.HASH, false));

    @Test
    void withoutHashKeyHashRulesMaskAndAWarningSaysWhy() {
        CompiledPolicy compiled = PolicyCompiler.compile(hashing.build(), new TestCatalog(), null);

        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.warnings()).containsExactly(
                "hash falls back to mask: no hashKey is configured (rules: email, order-id)");
        assertThat(compiled.redactor().hasHashKey()).isFalse();
        assertThat(compiled.redactor().rules()).filteredOn(r -> !r.name().equals("ipv4") && !r.name().equals("secret"))
                .extracting(Rule::action).containsOnly(Action.MASK);
        assertThat(compiled.redactor().redact("bob@example.com ORD-12345678"))
                .isEqualTo("[REDACTED:email] [REDACTED:order-id]");
    }

    @Test
    void keyThatFailsToLoadGivesTheReasonInTheWarning() {
        RedactionPolicy policy = hashing.hashKey(HashKeySpec.env("LOGSHIELD_HASH_KEY").withEnvironment(name -> null)).build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, new TestCatalog(), null);

        assertThat(compiled.warnings()).containsExactly("hash falls back to mask: hash key from environment variable "
                + "LOGSHIELD_HASH_KEY could not be loaded: environment variable LOGSHIELD_HASH_KEY is not set; set it to "
                + "the base64 of at least 16 random bytes (make one with `openssl rand -base64 32`) (rules: email, order-id)");
        assertThat(compiled.redactor().redact("ORD-12345678")).isEqualTo("[REDACTED:order-id]");
    }

    @Test
    void brokenKeyIsReportedEvenWhenNoRuleHashesYet() {
        RedactionPolicy policy = RedactionPolicy.builder()
                .hashKey(HashKeySpec.env("LOGSHIELD_HASH_KEY").withEnvironment(name -> null)).build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, new TestCatalog(), null);

        assertThat(compiled.warnings()).singleElement().asString()
                .startsWith("hash key from environment variable LOGSHIELD_HASH_KEY could not be loaded");
    }

    @Test
    void noWarningWhenNothingHashesAndNoKeyIsConfigured() {
        assertThat(PolicyCompiler.compile(RedactionPolicy.empty(), new TestCatalog(), null).warnings()).isEmpty();
    }
}
