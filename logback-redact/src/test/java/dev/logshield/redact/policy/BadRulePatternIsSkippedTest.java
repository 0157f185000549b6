package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Rule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadRulePatternIsSkippedTest {

    @Test
    void ruleWithBadPatternIsAnErrorNamingItAndOtherRulesWork() {
        LoadedPolicy loaded = PolicyFileLoader.load("classpath:policy/bad-rule.yaml", getClass().getClassLoader());
        assertThat(loaded.problems()).isEmpty();

        CompiledPolicy compiled = PolicyCompiler.compile(loaded.policy(), new TestCatalog(), null);

        assertThat(compiled.errors()).hasSize(2);
        assertThat(compiled.errors().get(0)).startsWith("rule 'broken': pattern ORD-(?=[0-9]) is not a valid RE2")
                .contains("lookahead and lookbehind need backtracking").endsWith("; the rule is skipped");
        assertThat(compiled.errors().get(1)).startsWith("rule 'backref': pattern (a)\\1 is not a valid RE2")
                .contains("backreferences such as \\1").endsWith("; the rule is skipped");
        assertThat(compiled.redactor().rules()).extracting(Rule::name).containsExactly("email", "ipv4", "secret", "ticket");
        assertThat(compiled.redactor().redact("ORD-1 aa TCK-0042")).isEqualTo("ORD-1 aa [REDACTED:ticket]");
    }

    @Test
    void ruleNamedLikeABuiltInIsAnErrorAndSkipped() {
        RedactionPolicy policy = RedactionPolicy.builder()
                .rule(new CustomRule("email", "mail:[a-z]+"))
                .rule(new CustomRule("ticket", "TCK-[0-9]{4}"))
                .build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, new TestCatalog(Map.of()), null);

        assertThat(compiled.errors()).singleElement().asString()
                .startsWith("rule 'email' has the name of a built-in detector; rename the rule");
        assertThat(compiled.redactor().rules()).extracting(Rule::name).containsExactly("email", "ipv4", "secret", "ticket");
        assertThat(compiled.redactor().redact("mail:abc")).isEqualTo("mail:abc");
    }
}
