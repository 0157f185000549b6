package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves each way a key-encryption key can fail to load has its own message: missing or unreadable file, not a
 * keystore, wrong password, absent alias (listing those present), a non-secret entry, a non-AES or odd-sized key,
 * an entry under another password; and that a good entry loads.
 */
class KeystoreKekErrorsAreDistinctTest {

    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void loadsAnAesSecretKeyEntry() throws Exception {
        SecretKey kek = aes(32);
        KeyStore store = TestKeystores.empty();
        store.setEntry("primary", new KeyStore.SecretKeyEntry(kek), new KeyStore.PasswordProtection(PASSWORD));
        Path file = TestKeystores.write(store, dir.resolve("kek.p12"), PASSWORD);

        SecretKey loaded = KeystoreKek.load(file, PASSWORD, "primary");

        assertThat(loaded.getAlgorithm()).isEqualTo("AES");
        assertThat(loaded.getEncoded()).isEqualTo(kek.getEncoded());
    }

    @Test
    void aMissingFile() {
        Path missing = dir.resolve("nope.p12");

        assertThatThrownBy(() -> KeystoreKek.load(missing, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class).hasMessage("keystore not found: " + missing);
    }

    @Test
    void aPathThatCannotBeRead() {
        assertThatThrownBy(() -> KeystoreKek.load(dir, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class).hasMessageStartingWith("cannot read keystore " + dir + ": ");
    }

    @Test
    void aFileWithoutReadPermission() throws Exception {
        Path file = keystoreWith("primary", aes(32));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as a user who reads any file (root)");

        assertThatThrownBy(() -> KeystoreKek.load(file, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class).hasMessage("cannot read keystore " + file + ": permission denied");
    }

    @Test
    void aFileThatIsNotAKeystore() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "this is not a keystore\n");
        Path noise = dir.resolve("noise.bin");
        byte[] bytes = new byte[512];
        random.nextBytes(bytes);
        Files.write(noise, bytes);

        assertThatThrownBy(() -> KeystoreKek.load(text, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class).hasMessageStartingWith("not a PKCS#12 keystore: " + text);
        assertThatThrownBy(() -> KeystoreKek.load(noise, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class).hasMessageStartingWith("not a PKCS#12 keystore: " + noise);
    }

    @Test
    void aWrongPassword() throws Exception {
        Path file = keystoreWith("primary", aes(32));

        assertThatThrownBy(() -> KeystoreKek.load(file, "wrong".toCharArray(), "primary"))
                .isInstanceOf(KeyMaterialException.class).hasMessage("wrong keystore password for " + file);
        assertThatThrownBy(() -> KeystoreKek.load(file, new char[0], "primary"))
                .isInstanceOf(KeyMaterialException.class).hasMessage("wrong keystore password for " + file);
    }

    @Test
    void anAbsentAliasListsThosePresent() throws Exception {
        KeyStore store = TestKeystores.empty();
        store.setEntry("zeta", new KeyStore.SecretKeyEntry(aes(32)), new KeyStore.PasswordProtection(PASSWORD));
        store.setEntry("alpha", new KeyStore.SecretKeyEntry(aes(32)), new KeyStore.PasswordProtection(PASSWORD));
        Path file = TestKeystores.write(store, dir.resolve("two.p12"), PASSWORD);
        Path empty = TestKeystores.write(TestKeystores.empty(), dir.resolve("empty.p12"), PASSWORD);

        assertThatThrownBy(() -> KeystoreKek.load(file, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessage("no entry 'primary' in keystore " + file + "; entries present: alpha, zeta");
        assertThatThrownBy(() -> KeystoreKek.load(empty, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessage("no entry 'primary' in keystore " + empty + " (the keystore is empty)");
    }

    @Test
    void anEntryThatIsNotASecretKey() throws Exception {
        KeyStore.PrivateKeyEntry privateKey = TestKeystores.privateKeyEntry();
        KeyStore store = TestKeystores.empty();
        store.setEntry("signer", privateKey, new KeyStore.PasswordProtection(PASSWORD));
        store.setCertificateEntry("ca", privateKey.getCertificate());
        Path file = TestKeystores.write(store, dir.resolve("mixed.p12"), PASSWORD);

        assertThatThrownBy(() -> KeystoreKek.load(file, PASSWORD, "signer"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageStartingWith("entry 'signer' in keystore " + file + " is a private key entry, not a secret (AES) key");
        assertThatThrownBy(() -> KeystoreKek.load(file, PASSWORD, "ca"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageStartingWith("entry 'ca' in keystore " + file + " is a trusted certificate entry");
    }

    @Test
    void aSecretKeyThatIsNotAes() throws Exception {
        Path hmac = keystoreWith("primary", new SecretKeySpec(bytes(32), "HmacSHA256"));
        Path aes192 = keystoreWith("primary", aes(24));

        assertThatThrownBy(() -> KeystoreKek.load(hmac, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageStartingWith("entry 'primary' in keystore " + hmac + " is a HmacSHA256 key, not AES");
        assertThatThrownBy(() -> KeystoreKek.load(aes192, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessage("entry 'primary' in keystore " + aes192 + " is AES-192; a key-encryption key must be AES-256 (or AES-128)");
    }

    @Test
    void anEntryUnderAnotherPassword() throws Exception {
        KeyStore store = TestKeystores.empty();
        store.setEntry("primary", new KeyStore.SecretKeyEntry(aes(32)),
                new KeyStore.PasswordProtection("entry password".toCharArray()));
        Path file = TestKeystores.write(store, dir.resolve("split.p12"), PASSWORD);

        assertThatThrownBy(() -> KeystoreKek.load(file, PASSWORD, "primary"))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("is protected by a password other than the keystore password");
    }

    private Path keystoreWith(String alias, SecretKey key) throws Exception {
        KeyStore store = TestKeystores.empty();
        store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(PASSWORD));
        return TestKeystores.write(store, Files.createTempFile(dir, "ks", ".p12"), PASSWORD);
    }

    private SecretKey aes(int length) {
        return new SecretKeySpec(bytes(length), "AES");
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
