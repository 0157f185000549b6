package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves recipients and identities load from age text and identity files (comments, blank lines, several
 * identities), and that every bad input is a KeyMaterialException that says what is wrong without quoting a secret.
 */
class HpkeKeysFromTextTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();

    @Test
    void aRecipientParsesFromItsAgeForm() throws Exception {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(random));
        String age = identity.recipient().recipient();

        HpkeRecipient parsed = HpkeRecipient.parse(age);

        assertThat(parsed.publicKey()).isEqualTo(identity.recipient().publicKey());
        assertThat(parsed.keyId()).isEqualTo(identity.keyId());
        assertThat(parsed.describe()).isEqualTo("X25519 recipient " + age + " (kid " + KeyIds.hex(identity.keyId()) + ")");
    }

    @Test
    void badRecipientsAreKeyMaterialErrors() {
        assertThatThrownBy(() -> HpkeRecipient.parse("age1notreally"))
                .isInstanceOf(KeyMaterialException.class).hasMessageStartingWith("not an age recipient: age1notreally");
        assertThatThrownBy(() -> HpkeRecipient.fromPublicKey(new byte[31]))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> HpkeRecipient.fromPublicKey(new byte[32]))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("small-order point");
    }

    @Test
    void anIdentityParsesAndEncodesBack() throws Exception {
        X25519KeyPair pair = X25519KeyPair.generate(random);
        String text = AgeKeyEncoding.encodeIdentity(pair.privateKey());

        HpkeIdentity identity = HpkeIdentity.parse(text);

        assertThat(identity.encode()).isEqualTo(text);
        assertThat(identity.recipient().publicKey()).isEqualTo(pair.publicKey());
        assertThat(identity.describe()).doesNotContain(text.substring(16)).contains("kid " + KeyIds.hex(identity.keyId()));
    }

    @Test
    void aDestroyedIdentityCannotUnwrap() throws Exception {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(random));
        Stanza stanza = identity.recipient().wrap(new byte[32], new byte[16]);

        identity.destroy();

        assertThat(identity.isDestroyed()).isTrue();
        assertThatThrownBy(() -> identity.unwrap(List.of(stanza), new byte[16])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsEveryIdentityOfAnAgeKeygenStyleFile() throws Exception {
        HpkeIdentity first = HpkeIdentity.of(X25519KeyPair.generate(random));
        HpkeIdentity second = HpkeIdentity.of(X25519KeyPair.generate(random));
        Path file = write("identities.txt", "# created: 2025-01-01T00:00:00Z\n"
                + "# public key: " + first.recipient().recipient() + "\n"
                + first.encode() + "\n"
                + "\n"
                + "   \n"
                + "# public key: " + second.recipient().recipient() + "\n"
                + "  " + second.encode() + "  \r\n");

        List<HpkeIdentity> identities = HpkeIdentity.readIdentityFile(file);

        assertThat(identities).extracting(HpkeIdentity::encode).containsExactly(first.encode(), second.encode());
    }

    @Test
    void aMalformedLineIsReportedByNumberWithoutItsContent() throws Exception {
        String good = HpkeIdentity.of(X25519KeyPair.generate(random)).encode();
        String bad = good.substring(0, 40) + (good.charAt(40) == 'Q' ? 'P' : 'Q') + good.substring(41);
        Path file = write("bad.txt", "# comment\n" + good + "\n" + bad + "\n");

        assertThatThrownBy(() -> HpkeIdentity.readIdentityFile(file))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessage("line 3 of identity file " + file + ": not an age identity (AGE-SECRET-KEY-1…): bad checksum");
    }

    @Test
    void aRecipientInAnIdentityFileIsExplained() throws Exception {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(random));
        Path file = write("recipient.txt", identity.recipient().recipient() + "\n");

        assertThatThrownBy(() -> HpkeIdentity.readIdentityFile(file))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("line 1 of identity file").hasMessageContaining("this is a recipient (public key)");
    }

    @Test
    void missingEmptyUnreadableAndBinaryFilesHaveTheirOwnMessages() throws Exception {
        Path missing = dir.resolve("missing.txt");
        Path empty = write("empty.txt", "# only a comment\n\n");
        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        assertThatThrownBy(() -> HpkeIdentity.readIdentityFile(missing))
                .isInstanceOf(KeyMaterialException.class).hasMessage("identity file not found: " + missing);
        assertThatThrownBy(() -> HpkeIdentity.readIdentityFile(empty))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("holds no identity");
        assertThatThrownBy(() -> HpkeIdentity.readIdentityFile(binary))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("is not UTF-8 text");
        assertThatThrownBy(() -> HpkeIdentity.readIdentityFile(dir))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("cannot read identity file " + dir);
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws Exception {
        Path file = write("locked.txt", HpkeIdentity.of(X25519KeyPair.generate(random)).encode() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as a user who reads any file (root)");

        assertThatThrownBy(() -> HpkeIdentity.readIdentityFile(file))
                .isInstanceOf(KeyMaterialException.class).hasMessage("cannot read identity file " + file + ": permission denied");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
