package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves {@code logcrypt keygen --kek}'s keystore writer makes an owner-only PKCS#12 file that loads back, leaves
 * no temporary file, never overwrites an existing file and refuses non-AES keys.
 */
class KeystoreKekCreateTest {

    private static final char[] PASSWORD = "s3cret pass".toCharArray();

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void writesAnOwnerOnlyKeystoreThatLoadsBack() throws Exception {
        SecretKey kek = aes(32);
        Path file = dir.resolve("kek.p12");

        KeystoreKek.create(file, PASSWORD, "logs-2025", kek);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeystoreKek.load(file, PASSWORD, "logs-2025").getEncoded()).isEqualTo(kek.getEncoded());
        assertThat(KekWrapper.load(file, PASSWORD, "logs-2025").keyId()).isEqualTo(KeyIds.forKek(kek));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path file = dir.resolve("kek.p12");
        KeystoreKek.create(file, PASSWORD, "first", aes(32));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> KeystoreKek.create(file, PASSWORD, "second", aes(32)))
                .isInstanceOf(KeyMaterialException.class).hasMessage("keystore " + file + " already exists; refusing to overwrite it");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void refusesKeysThatAreNotAes128Or256() {
        Path file = dir.resolve("kek.p12");

        assertThatThrownBy(() -> KeystoreKek.create(file, PASSWORD, "k", new SecretKeySpec(new byte[32], "HmacSHA256")))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("not AES");
        assertThatThrownBy(() -> KeystoreKek.create(file, PASSWORD, "k", aes(24)))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("AES-192");
        assertThatThrownBy(() -> KeystoreKek.create(file, PASSWORD, " ", aes(32)))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("alias must not be empty");
        assertThat(file).doesNotExist();
    }

    private SecretKey aes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return new SecretKeySpec(b, "AES");
    }
}
