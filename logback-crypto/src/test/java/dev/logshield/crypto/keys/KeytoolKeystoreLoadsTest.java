package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the keystore an operator makes with the documented keytool command loads as a key-encryption key and
 * wraps and unwraps data keys. Skipped when this JDK has no keytool.
 */
class KeytoolKeystoreLoadsTest {

    @TempDir
    Path dir;

    @Test
    void aKeytoolGeneratedAes256KeyWrapsAndUnwraps() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "no keytool in " + keytool.getParent());
        Path keystore = dir.resolve("kek.p12");
        Process process = new ProcessBuilder(keytool.toString(), "-genseckey", "-keyalg", "AES", "-keysize", "256",
                "-storetype", "PKCS12", "-alias", "logs", "-keystore", keystore.toString(),
                "-storepass", "keytool-pass", "-keypass", "keytool-pass", "-noprompt")
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        KekWrapper wrapper = KekWrapper.load(keystore, "keytool-pass".toCharArray(), "logs");
        byte[] dataKey = new byte[32];
        dataKey[0] = 42;
        Stanza stanza = wrapper.wrap(dataKey, new byte[16]);

        assertThat(wrapper.describe()).startsWith("AES-256 key-encryption key 'logs'");
        assertThat(wrapper.unwrap(List.of(stanza), new byte[16])).hasValueSatisfying(k -> assertThat(k).isEqualTo(dataKey));
    }
}
