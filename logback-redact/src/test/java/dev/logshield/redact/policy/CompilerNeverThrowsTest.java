package dev.logshield.redact.policy;

import dev.logshield.redact.engine.DetectorCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.SensitiveKeyMatcher;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Rule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompilerNeverThrowsTest {

    @Test
    void brokenCatalogIsReportedAndCustomRulesStillApply() {
        DetectorCatalog broken = new DetectorCatalog() {
            @Override
            public Set<String> names() {
                return new LinkedHashSet<>(List.of("email", "boom"));
            }

            @Override
            public Detector create(String name, Map<String, String> options, SensitiveKeyMatcher keys) {
                if (name.equals("boom")) {
                    throw new IllegalStateException("catalog bug");
                }
                return new TestCatalog().create(name, options, keys);
            }

            @Override
            public Action defaultAction(String name) {
                return null;
            }
        };
        RedactionPolicy policy = RedactionPolicy.builder().rule(new CustomRule("badge", "B-[0-9]{5}")).build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, broken, null);

        assertThat(compiled.errors()).containsExactly("detector 'boom' could not be created: catalog bug");
        assertThat(compiled.redactor().rules()).extracting(Rule::toString).containsExactly("email=mask", "badge=mask");
    }

    @Test
    void nullPolicyAndCatalogGiveAWorkingRedactor() {
        CompiledPolicy compiled = PolicyCompiler.compile(null, null, null);

        assertThat(compiled.errors()).containsExactly("no detector catalog: built-in detectors are not available");
        assertThat(compiled.redactor().redact("nothing")).isEqualTo("nothing");
    }
}
