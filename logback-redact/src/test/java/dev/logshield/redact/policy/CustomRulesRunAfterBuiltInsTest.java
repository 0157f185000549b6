package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomRulesRunAfterBuiltInsTest {

    @Test
    void customRulesFollowTheCatalogInPolicyOrder() {
        RedactionPolicy policy = RedactionPolicy.builder()
                .rule(new CustomRule("staff-mail", "[a-z]+@corp\\.example", List.of(), Action.DROP, false))
                .rule(new CustomRule("badge", "B-[0-9]{5}"))
                .build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, new TestCatalog(), null);

        assertThat(compiled.redactor().rules()).extracting(Rule::name)
                .containsExactly("email", "ipv4", "secret", "staff-mail", "badge");
        // both match at the same place: the built-in comes first and labels the merged span
        assertThat(compiled.redactor().redact("mail ann@corp.example")).isEqualTo("mail [REDACTED:email]");
    }

    @Test
    void caseInsensitiveRuleMatchesAnyCase() {
        RedactionPolicy policy = RedactionPolicy.builder()
                .rule(new CustomRule("employee-id", "emp[0-9]{6}", List.of(), Action.MASK, true)).build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, new TestCatalog(), null);

        assertThat(compiled.redactor().redact("EMP123456 and emp654321"))
                .isEqualTo("[REDACTED:employee-id] and [REDACTED:employee-id]");
    }
}
