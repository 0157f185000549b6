package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves a PKCS#12 key store yields its key and chain with or without an alias (the only key entry), and that each
 * problem has its own message that never quotes a password: several keys without an alias (listing them), an
 * absent alias, a certificate-only entry, no password, a wrong password, an entry under another password, a PEM file
 * or garbage where a key store belongs, a missing file.
 */
class KeyMaterialFromPkcs12Test {

    private static final char[] WRONG = "not-the-password".toCharArray();

    @TempDir
    static Path pkiDir;

    static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(pkiDir);
    }

    @Test
    void theOnlyKeyEntryIsUsedWithoutAnAlias() throws Exception {
        KeyMaterial key = KeyMaterial.fromPkcs12(pki.client("client1").pkcs12(), TestPki.password(), null);

        assertThat(key.leaf()).isEqualTo(pki.client("client1").certificate());
        assertThat(key.chain()).containsExactly(pki.client("client1").certificate(), pki.ca());
        assertThat(key.privateKey().getEncoded()).isEqualTo(pki.client("client1").privateKey().getEncoded());
    }

    @Test
    void anAliasChoosesAmongSeveralKeys() throws Exception {
        Path two = twoKeys();

        assertThat(KeyMaterial.fromPkcs12(two, TestPki.password(), "client2").leaf())
                .isEqualTo(pki.client("client2").certificate());
        assertThat(KeyMaterial.fromPkcs12(two, TestPki.password(), " client1 ").leaf())
                .isEqualTo(pki.client("client1").certificate());
    }

    @Test
    void severalKeysWithoutAnAliasAreListed() throws Exception {
        Path two = twoKeys();

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(two, TestPki.password(), null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("key store " + two + " holds several private keys (client1, client2); configure the key alias to choose one");
    }

    @Test
    void anAbsentAliasListsTheKeysPresent() throws Exception {
        Path two = twoKeys();

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(two, TestPki.password(), "client3")).isInstanceOf(TlsConfigException.class)
                .hasMessage("no entry 'client3' in key store " + two + "; private key entries present: client1, client2");
    }

    @Test
    void aTrustStoreHasNoKeyToOffer() {
        Path trust = pki.truststore();

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(trust, TestPki.password(), null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("key store " + trust + " holds no private key entry");
        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(trust, TestPki.password(), "logshield-test-ca"))
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("entry 'logshield-test-ca' in key store " + trust + " is a trusted certificate, not a private key with its certificate");
    }

    @Test
    void noPasswordIsRefusedThereIsNoDefault() {
        Path p12 = pki.client("client1").pkcs12();

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(p12, null, null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("no password configured for key store " + p12
                        + "; configure the key store password (LogShield has no default password)");
    }

    @Test
    void aWrongPasswordNeverQuotesIt() {
        Path p12 = pki.client("client1").pkcs12();

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(p12, WRONG, null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("wrong password for key store " + p12);
        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(p12, new char[0], null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("wrong password for key store " + p12);
    }

    @Test
    void anEntryUnderAnotherPassword() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client1", pki.client("client1").privateKey(), "entry-password".toCharArray(),
                pki.client("client1").certificateChain().toArray(Certificate[]::new));
        Path file = write(store, "split.p12");

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(file, TestPki.password(), null)).isInstanceOf(TlsConfigException.class)
                .hasMessageContaining("is protected by a password other than the key store password");
    }

    @Test
    void aPemFileOrGarbageWhereAKeyStoreBelongs() throws Exception {
        Path pem = pki.client("client1").key();
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "garbage");
        Path missing = dir.resolve("missing.p12");

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(pem, TestPki.password(), null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("key store " + pem + " is a PEM file, not a PKCS12 key store; configure PEM files as the certificate and private key");
        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(garbage, TestPki.password(), null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("key store " + garbage + " is not a readable PKCS12 file (");
        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(missing, TestPki.password(), null)).isInstanceOf(TlsConfigException.class)
                .hasMessage("key store not found: " + missing);
    }

    @Test
    void anExpiredCertificateInAKeyStoreIsRefusedLikeAPemOne() {
        Path p12 = pki.client("expired").pkcs12();

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(p12, TestPki.password(), null)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("certificate CN=client1.test (entry 'expired' of key store " + p12 + ") expired on ");
    }

    private Path twoKeys() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (String name : new String[] {"client2", "client1"}) {
            TestIdentity id = pki.client(name);
            store.setKeyEntry(name, id.privateKey(), TestPki.password(), id.certificateChain().toArray(Certificate[]::new));
        }
        store.setCertificateEntry("ca", pki.ca());
        return write(store, "two.p12");
    }

    private Path write(KeyStore store, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TestPki.password());
        }
        return file;
    }
}
