package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Rule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogDetectorsAreOnByDefaultTest {

    private final TestCatalog catalog = new TestCatalog(Map.of("email", Action.PARTIAL));

    @Test
    void emptyPolicyEnablesEveryDetectorWithItsDefaultAction() {
        CompiledPolicy compiled = PolicyCompiler.compile(RedactionPolicy.empty(), catalog, null);

        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.redactor().rules()).extracting(Rule::toString)
                .containsExactly("email=partial", "ipv4=mask", "secret=mask");
    }

    @Test
    void onKeepsTheDefaultActionOffRemovesAndAnActionReplaces() throws Exception {
        RedactionPolicy policy = RedactionPolicy.builder()
                .detector(DetectorSetting.parse("email: on"))
                .detector(DetectorSetting.parse("ipv4: off"))
                .detector(DetectorSetting.parse("secret: drop"))
                .build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, catalog, null);

        assertThat(compiled.redactor().rules()).extracting(Rule::toString).containsExactly("email=partial", "secret=drop");
    }

    @Test
    void optionsReachTheDetector() throws Exception {
        RedactionPolicy policy = RedactionPolicy.builder().detector(DetectorSetting.parse("ipv4: mask keepNetwork=true")).build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, catalog, null);

        assertThat(compiled.redactor().redact("from 10.1.2.3")).isEqualTo("from 10.1.2.[REDACTED:ipv4]");
    }

    @Test
    void badOptionIsAnErrorAndTheDetectorStaysOnWithDefaults() throws Exception {
        RedactionPolicy policy = RedactionPolicy.builder().detector(DetectorSetting.parse("ipv4: mask keepNet=true")).build();

        CompiledPolicy compiled = PolicyCompiler.compile(policy, catalog, null);

        assertThat(compiled.errors()).containsExactly(
                "detector 'ipv4': unknown option 'keepNet'; known: keepNetwork; it runs with its default options");
        assertThat(compiled.redactor().redact("from 10.1.2.3")).isEqualTo("from [REDACTED:ipv4]");
    }
}
