package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in POLICY.md are real: they load without problems and describe the same policy. */
class PolicyDocumentationExamplesLoadTest {

    private static String block(String markdown, String language) {
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertThat(m.find()).as("POLICY.md has a %s example", language).isTrue();
        return m.group(1);
    }

    @Test
    void yamlAndJsonExamplesLoadIntoTheSamePolicy() throws Exception {
        String doc = Files.readString(Path.of("POLICY.md"));

        LoadedPolicy yaml = PolicyFileLoader.parse(block(doc, "yaml"), "POLICY.md.yaml");
        LoadedPolicy json = PolicyFileLoader.parse(block(doc, "json"), "POLICY.md.json");

        assertThat(yaml.problems()).isEmpty();
        assertThat(json.problems()).isEmpty();
        assertThat(json.policy()).isEqualTo(yaml.policy());
        assertThat(yaml.policy().detectorSettings()).hasSize(6);
        assertThat(yaml.policy().customRules()).extracting(CustomRule::name).containsExactly("order-id", "employee-id");
        assertThat(yaml.policy().customRules().get(0).action()).isEqualTo(Action.HASH);
        for (CustomRule rule : yaml.policy().customRules()) {
            CustomPatternDetector.compile(rule); // documented patterns compile
        }
    }
}
