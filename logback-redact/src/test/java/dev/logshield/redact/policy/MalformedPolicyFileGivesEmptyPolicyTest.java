package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedPolicyFileGivesEmptyPolicyTest {

    @TempDir
    Path dir;

    @Test
    void malformedYamlIsReportedWithFileLineAndColumn() {
        LoadedPolicy loaded = PolicyFileLoader.load("classpath:policy/malformed.yaml", getClass().getClassLoader());

        assertThat(loaded.policy()).isEqualTo(RedactionPolicy.empty());
        assertThat(loaded.problems()).singleElement().asString()
                .startsWith("classpath:policy/malformed.yaml: not valid YAML at line 4, column 8: ")
                .contains("nothing in the file is applied");
    }

    @Test
    void malformedJsonIsReportedWithFileLineAndColumn() throws Exception {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, ExamplePolicy.resource("malformed.json"));

        LoadedPolicy loaded = PolicyFileLoader.load("file:" + file, null);

        assertThat(loaded.policy()).isEqualTo(RedactionPolicy.empty());
        assertThat(loaded.problems()).singleElement().asString()
                .startsWith(file + ": not valid JSON at line 5, column 1");
        assertThat(loaded.file()).contains(file);
    }

    @Test
    void emptyAndNonMappingDocumentsAreReported() {
        assertThat(PolicyFileLoader.parse("# nothing\n", "empty.yaml").problems())
                .containsExactly("empty.yaml: the file is empty; no policy is applied");
        assertThat(PolicyFileLoader.parse("- a\n- b\n", "list.yaml").problems())
                .singleElement().asString().startsWith("list.yaml line 1: the policy must be a mapping");
        assertThat(PolicyFileLoader.parse("[1, 2", "cut.json").problems())
                .singleElement().asString().startsWith("cut.json: not valid JSON at line 1");
    }

    @Test
    void customTagsAreNeitherConstructedNorAccepted() {
        LoadedPolicy loaded = PolicyFileLoader.parse(
                "version: 1\nsensitiveKeys: [pin, !!java.io.File '/etc/passwd']\n", "tags.yaml");

        // nodes are only read as text; a value with a custom tag is reported, never turned into an object
        assertThat(loaded.policy().sensitiveKeys()).containsExactly("pin");
        assertThat(loaded.problems()).singleElement().asString().startsWith("tags.yaml line 2: sensitive key");
    }
}
