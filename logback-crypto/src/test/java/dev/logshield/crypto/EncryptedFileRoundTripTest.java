package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Events logged through logback.xml come back from the file byte for byte, for either recipient, and nothing is in clear. */
class EncryptedFileRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"AES-256-GCM", "ChaCha20-Poly1305"})
    void everyRecipientDecryptsExactlyWhatWasLogged(String cipher) throws Exception {
        TestIdentity first = TestIdentity.generate();
        TestIdentity second = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of("dir", dir.toString(),
                "recipient", first.recipient(), "secondRecipient", second.recipient(), "cipher", cipher));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            context.getLogger("shop.Orders").info("order {} paid by card ending 4242 ü", i);
            expected.add("INFO shop.Orders - order " + i + " paid by card ending 4242 ü");
        }
        context.stop();

        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        Path file = dir.resolve("logs/app.lse");
        byte[] raw = Files.readAllBytes(file);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("order").doesNotContain("shop.Orders");

        for (TestIdentity reader : List.of(first, second)) {
            Decrypted decrypted = Decrypted.files(List.of(file), reader.identity());
            assertThat(decrypted.report().findings()).isEmpty();
            assertThat(decrypted.report().exitCode()).isZero();
            assertThat(decrypted.lines()).containsExactlyElementsOf(expected);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }
}
