package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.keys.KeystoreKek;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code <keystore>} that cannot give its key (wrong password, absent alias, missing file, a password variable
 * that is not set) leaves the appender stopped with an error that tells them apart, and nothing is created: no log
 * directory, no file.
 */
class UnusableKeystoreLeavesAppenderStoppedTest {

    @TempDir
    Path dir;

    private Path keystore;

    @BeforeEach
    void createKeystore() throws Exception {
        keystore = dir.resolve("log-kek.p12");
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        KeystoreKek.create(keystore, "right password".toCharArray(), "logs-2026", generator.generateKey());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong password | log-kek.p12 | logs-2026 | wrong password | wrong keystore password for {keystore}",
        "absent alias   | log-kek.p12 | logs-2025 | right password | no entry 'logs-2025' in keystore {keystore}; entries present: logs-2026",
        "missing file   | missing.p12 | logs-2026 | right password | keystore not found: {dir}/missing.p12",
        "unset password | log-kek.p12 | logs-2026 |                | <keystore> {keystore} <password> uses ${LOG_KEK_PASSWORD},"
            + " which is not defined: set LOG_KEK_PASSWORD as an environment variable, a system property or a <property>"
            + " of logback.xml"})
    void stoppedWithADistinctErrorAndNothingCreated(String what, String file, String alias, String password,
                                                    String error) throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("dir", dir.toString(), "keystore",
                dir.resolve(file).toString(), "alias", alias));
        if (password != null) {
            properties.put("LOG_KEK_PASSWORD", password);
        }
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), properties);
        context.getLogger("x").info("must never be written");
        context.stop();

        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isFalse();
        assertThat(XmlConfiguredContext.errors(context)).containsExactly("[VAULT] stays stopped, nothing is written: "
                + error.replace("{keystore}", keystore.toString()).replace("{dir}", dir.toString()));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(keystore);
        }
    }
}
