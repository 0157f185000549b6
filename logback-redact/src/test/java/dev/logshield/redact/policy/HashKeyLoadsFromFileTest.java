package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashKeyLoadsFromFileTest {

    @TempDir
    Path dir;

    private final byte[] key = TestKeys.random(32);

    @Test
    void fileWithBase64AndTrailingNewlineGivesTheKey() throws Exception {
        Path file = dir.resolve("hash.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n"); // what `openssl rand -base64 32 >` writes

        assertThat(HashKeySpec.file(file).load()).isEqualTo(key);
    }

    @Test
    void policyFileNamesTheKeyFileRelativeToItself() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/hash.key"), Base64.getEncoder().encodeToString(key));
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "version: 1\nrules: [{ name: order-id, pattern: 'ORD-[0-9]{8}', action: hash }]\n"
                + "hashKey: { file: secrets/hash.key, keyId: k7 }\n");

        LoadedPolicy loaded = PolicyFileLoader.load(policy.toString(), null);
        CompiledPolicy compiled = PolicyCompiler.compile(loaded.policy(), new TestCatalog(), null);

        assertThat(loaded.problems()).isEmpty();
        assertThat(compiled.warnings()).isEmpty();
        assertThat(compiled.redactor().redact("ORD-12345678")).matches("\\[HASH:order-id:k7:[0-9a-f]{16}]");
    }

    @Test
    void missingFileSaysHowToCreateIt() {
        Path file = dir.resolve("absent.key");

        assertThatThrownBy(HashKeySpec.file(file)::load).isInstanceOf(PolicyException.class)
                .hasMessage("hash key file " + file + " does not exist; create it with `openssl rand -base64 32 > "
                        + file + "` and make it readable only by the application user");
    }

    @Test
    void rawBytesAndShortKeysAreRejected() throws Exception {
        Path raw = dir.resolve("raw.key");
        Files.write(raw, new byte[] {(byte) 0xff, 0x01, (byte) 0x80, '!', '#', 0x7f});
        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[12]));
        Path empty = dir.resolve("empty.key");
        Files.writeString(empty, "\n");

        assertThatThrownBy(HashKeySpec.file(raw)::load).hasMessageStartingWith("file " + raw + " is not valid base64");
        assertThatThrownBy(HashKeySpec.file(shortKey)::load)
                .hasMessageStartingWith("file " + shortKey + " holds a key of 12 bytes; at least 16 are needed");
        assertThatThrownBy(HashKeySpec.file(empty)::load).hasMessageStartingWith("file " + empty + " is empty");
    }
}
