package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLocationsResolveTest {

    @TempDir
    Path dir;

    @Test
    void classpathLocationLoadsAndReportsTheFileForWatching() {
        LoadedPolicy loaded = PolicyFileLoader.load("classpath:/policy/full.yaml", getClass().getClassLoader());

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.policy()).isEqualTo(ExamplePolicy.expected());
        // test resources are a directory on the classpath, so the file is watchable
        assertThat(loaded.file()).get().satisfies(p -> assertThat(p).endsWith(Path.of("policy", "full.yaml")));
    }

    @Test
    void missingClasspathResourceIsAProblem() {
        LoadedPolicy loaded = PolicyFileLoader.load("classpath:policy/absent.yaml", getClass().getClassLoader());

        assertThat(loaded.policy().isEmpty()).isTrue();
        assertThat(loaded.problems()).containsExactly("policy file classpath:policy/absent.yaml not found on the classpath");
        assertThat(loaded.file()).isEmpty();
    }

    @Test
    void fileUrlAndPlainPathLoadTheSameFile() throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, ExamplePolicy.resource("full.yaml"));

        LoadedPolicy viaFilePrefix = PolicyFileLoader.load("file:" + file, null);
        LoadedPolicy viaUri = PolicyFileLoader.load(file.toUri().toString(), null);
        LoadedPolicy viaPath = PolicyFileLoader.load(file.toString(), null);

        for (LoadedPolicy loaded : new LoadedPolicy[] {viaFilePrefix, viaUri, viaPath}) {
            assertThat(loaded.problems()).isEmpty();
            assertThat(loaded.policy()).isEqualTo(ExamplePolicy.expected());
            assertThat(loaded.file()).contains(file);
        }
    }

    @Test
    void missingFileIsAProblemNamingItButStillWatchable() {
        Path file = dir.resolve("absent.yaml");

        LoadedPolicy loaded = PolicyFileLoader.load("file:" + file, null);

        assertThat(loaded.policy()).isEqualTo(RedactionPolicy.empty());
        assertThat(loaded.problems()).singleElement().asString().contains(file.toString(), "does not exist");
        assertThat(loaded.file()).contains(file); // created later, it is picked up by the reload watcher
    }

    @Test
    void relativeKeyPathsResolveAgainstThePolicyFilesDirectory() throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "version: 1\nhashKey: { file: secrets/hash.key }\n");

        LoadedPolicy loaded = PolicyFileLoader.load(file.toString(), null);

        assertThat(loaded.policy().hashKey()).contains(HashKeySpec.file(dir.resolve("secrets/hash.key")));
    }

    @Test
    void nonUtf8AndBlankLocationsAreProblems() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        assertThat(PolicyFileLoader.load(file.toString(), null).problems())
                .singleElement().asString().contains("not UTF-8");
        assertThat(PolicyFileLoader.load(" ", null).problems()).singleElement().asString().contains("no location");
        assertThat(PolicyFileLoader.load(dir.toString(), null).problems())
                .singleElement().asString().contains("is a directory");
    }
}
