package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.keys.KekWrapper;
import dev.logshield.crypto.keys.KeystoreKek;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key-encryption key from a PKCS#12 keystore, configured in logback.xml with its password from
 * {@code ${LOG_KEK_PASSWORD}} (a system property here, as Logback resolves it from system properties and the
 * environment), reads the logs with {@code KekWrapper.load}; configured beside a recipient, each reads them alone.
 */
class KeystoreKekReadsTheLogsTest {

    private static final char[] PASSWORD = "a long keystore passphrase".toCharArray();
    private static final String ALIAS = "logs-2026";

    @TempDir
    Path dir;

    private Path keystore;

    @BeforeEach
    void createKeystore() throws Exception {
        keystore = dir.resolve("log-kek.p12");
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        KeystoreKek.create(keystore, PASSWORD, ALIAS, generator.generateKey());
        System.setProperty("LOG_KEK_PASSWORD", new String(PASSWORD));
    }

    @AfterEach
    void clearPassword() {
        System.clearProperty("LOG_KEK_PASSWORD");
    }

    @Test
    void theKeystoreKekDecryptsWhatWasLogged() throws Exception {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of("dir", dir.toString()));
        logAndStop(context);

        Path file = dir.resolve("logs/app.lse");
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).doesNotContain("payment");
        Decrypted decrypted = Decrypted.files(List.of(file), KekWrapper.load(keystore, PASSWORD, ALIAS));
        assertThat(decrypted.report().findings()).isEmpty();
        assertThat(decrypted.lines()).containsExactly("payment 0 accepted", "payment 1 accepted");
    }

    @Test
    void aRecipientAndAKeystoreKekEachDecryptAlone() throws Exception {
        TestIdentity recipient = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName() + "-withRecipient",
                Map.of("dir", dir.toString(), "recipient", recipient.recipient()));
        logAndStop(context);

        Path file = dir.resolve("logs/app.lse");
        for (Decrypted decrypted : List.of(Decrypted.files(List.of(file), recipient.identity()),
                Decrypted.files(List.of(file), KekWrapper.load(keystore, PASSWORD, ALIAS)))) {
            assertThat(decrypted.report().findings()).isEmpty();
            assertThat(decrypted.lines()).containsExactly("payment 0 accepted", "payment 1 accepted");
        }
    }

    private static void logAndStop(LoggerContext context) {
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        for (int i = 0; i < 2; i++) {
            context.getLogger("x").info("payment {} accepted", i);
        }
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
    }
}
