package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.keys.AgeKeyEncoding;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.SealState;
import dev.logshield.crypto.keys.X25519KeyPair;
import dev.logshield.crypto.verify.Anchor;
import dev.logshield.crypto.verify.AuditorSealKey;
import dev.logshield.crypto.verify.FileSeries;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo application in its own JVM with a recipient and a seal state of the test's own: the vault holds
 * every event, redacted, and nothing in clear; the recipient decrypts it, and the auditor verifies it (sealed,
 * closed, matching the external anchors) without any decryption key.
 */
class DemoVaultIsEncryptedAndVerifiableTest {

    @TempDir
    Path tmp;

    @Test
    void vaultIsUnreadableWithoutTheKeyAndVerifiesIntact() throws Exception {
        X25519KeyPair pair = X25519KeyPair.generate(new SecureRandom());
        Path recipients = Files.writeString(tmp.resolve("recipients.txt"),
                "# the operations team\n" + AgeKeyEncoding.encodeRecipient(pair.publicKey()) + "\n");
        SealState.Created seal = SealState.create(tmp.resolve("host.seal"), System.currentTimeMillis(), 900,
                new SecureRandom());
        Path logs = tmp.resolve("logs");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ShopApplication.class.getName()).redirectErrorStream(true);
        builder.environment().put("LOGSHIELD_DEMO_DIR", logs.toString());
        builder.environment().put("LOGSHIELD_RECIPIENTS", recipients.toString());
        builder.environment().put("LOGSHIELD_SEAL_STATE", seal.state().file().toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        List<Path> vault;
        try (Stream<Path> files = Files.list(logs.resolve("vault"))) {
            vault = files.filter(f -> f.toString().endsWith(".lse")).collect(Collectors.toList());
        }
        assertThat(vault).isNotEmpty();
        for (Path file : vault) {
            String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("Application started").doesNotContain("example.shop").doesNotContain("REDACTED");
        }

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        VerificationReport decrypted = FileSeries.verify(vault,
                new SeriesVerifier.Options(List.of(HpkeIdentity.of(pair)), null, false, List.of(), 0, false),
                (core, seq, payload) -> plain.write(payload));
        assertThat(decrypted.exitCode()).as(decrypted.findings().toString()).isZero();
        String json = plain.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("Application started on port 8443", "[REDACTED:credit-card]");
        for (String secret : new String[] {"Hunter2!Secret", "jane.doe@example.com", "4111 1111 1111 1111",
                "tok-1234567890abcdef", "S3cr3tPa55", "AKIAIOSFODNN7EXAMPLE"}) {
            assertThat(json).as("vault leaked " + secret).doesNotContain(secret);
        }

        List<Anchor> anchors = Anchor.parseAll(Files.readString(logs.resolve("anchors.log"), StandardCharsets.UTF_8));
        assertThat(anchors).isNotEmpty();
        VerificationReport audit = FileSeries.verify(vault, new SeriesVerifier.Options(List.of(),
                List.of(new AuditorSealKey(seal.verificationKey())), true, anchors, 2_000, false),
                (core, seq, payload) -> { });
        assertThat(audit.exitCode()).as(audit.findings().toString()).isZero();
    }
}
