package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Proves our text forms are age's: a published age key pair decodes and its identity yields its recipient, keys
 * round-trip in the right case, and errors explain the problem without ever echoing a secret key.
 */
class AgeKeyEncodingTest {

    // age's own test pair (cmd/age/testdata/x25519.txt in filippo.io/age): public test data, not a secret
    private static final String AGE_TEST_RECIPIENT = "age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef";
    private static final String AGE_TEST_IDENTITY = "AGE-SECRET-KEY-1" + "EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

    private final SecureRandom random = new SecureRandom();

    @Test
    void aPublishedAgeIdentityYieldsItsPublishedRecipient() {
        byte[] privateKey = AgeKeyEncoding.decodeIdentity(AGE_TEST_IDENTITY);
        byte[] publicKey = X25519KeyPair.fromPrivateKey(privateKey).publicKey();

        assertThat(AgeKeyEncoding.encodeRecipient(publicKey)).isEqualTo(AGE_TEST_RECIPIENT);
        assertThat(AgeKeyEncoding.decodeRecipient(AGE_TEST_RECIPIENT)).isEqualTo(publicKey);
        assertThat(AgeKeyEncoding.encodeIdentity(privateKey)).isEqualTo(AGE_TEST_IDENTITY);
    }

    @Test
    void roundTripsGeneratedKeysInAgesCase() {
        for (int i = 0; i < 50; i++) {
            X25519KeyPair pair = X25519KeyPair.generate(random);

            String recipient = AgeKeyEncoding.encodeRecipient(pair.publicKey());
            String identity = AgeKeyEncoding.encodeIdentity(pair.privateKey());

            assertThat(recipient).startsWith("age1").hasSize(62).isLowerCase();
            assertThat(identity).startsWith("AGE-SECRET-KEY-1").hasSize(74).isUpperCase();
            assertThat(AgeKeyEncoding.decodeRecipient(" " + recipient + "\n")).isEqualTo(pair.publicKey());
            assertThat(AgeKeyEncoding.decodeIdentity(identity)).isEqualTo(pair.privateKey());
        }
    }

    @Test
    void aBadRecipientChecksumIsReportedWithTheRecipient() {
        String altered = AGE_TEST_RECIPIENT.substring(0, 20) + "q" + AGE_TEST_RECIPIENT.substring(21);

        assertThatThrownBy(() -> AgeKeyEncoding.decodeRecipient(altered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an age recipient: " + altered + ": bad checksum");
    }

    @Test
    void recipientsInTheWrongCaseOrWithAnotherPrefixAreRefused() {
        assertThatThrownBy(() -> AgeKeyEncoding.decodeRecipient(AGE_TEST_RECIPIENT.toUpperCase()))
                .hasMessageContaining("not an age recipient").hasMessageContaining("'age1' in lower case");
        String other = Bech32.encode("age1x", new byte[32]);
        assertThatThrownBy(() -> AgeKeyEncoding.decodeRecipient(other))
                .hasMessage("not an age recipient: " + other + ": it starts with 'age1x1', an age recipient starts with 'age1' in lower case");
    }

    @Test
    void recipientsOfTheWrongLengthAreRefused() {
        String short31 = Bech32.encode("age", new byte[31]);

        assertThatThrownBy(() -> AgeKeyEncoding.decodeRecipient(short31))
                .hasMessage("not an age recipient: " + short31 + ": it holds 31 bytes, an X25519 recipient holds 32");
    }

    @Test
    void anIdentityGivenAsARecipientIsNotEchoed() {
        assertThatThrownBy(() -> AgeKeyEncoding.decodeRecipient(AGE_TEST_IDENTITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an age recipient: this is an identity")
                .hasMessageNotContaining("EGTZVFFV");
        assertThatThrownBy(() -> AgeKeyEncoding.decodeRecipient("hunter2-a-password"))
                .hasMessage("not an age recipient: the value (not shown) does not start with 'age1'");
    }

    @Test
    void identityErrorsNeverEchoTheIdentity() {
        String badChecksum = AGE_TEST_IDENTITY.substring(0, 30) + "Q" + AGE_TEST_IDENTITY.substring(31);
        String lowerCase = AGE_TEST_IDENTITY.toLowerCase();
        String wrongLength = Bech32.encode("AGE-SECRET-KEY-", new byte[16]);

        assertThatThrownBy(() -> AgeKeyEncoding.decodeIdentity(badChecksum))
                .hasMessage("not an age identity (AGE-SECRET-KEY-1…): bad checksum");
        assertThatThrownBy(() -> AgeKeyEncoding.decodeIdentity(lowerCase))
                .hasMessageContaining("wrong prefix").hasMessageNotContaining("egtzvffv");
        assertThatThrownBy(() -> AgeKeyEncoding.decodeIdentity(wrongLength))
                .hasMessage("not an age identity (AGE-SECRET-KEY-1…): it holds 16 bytes, an X25519 identity holds 32");
        assertThatThrownBy(() -> AgeKeyEncoding.decodeIdentity(AGE_TEST_RECIPIENT))
                .hasMessageContaining("this is a recipient (public key), not an identity");
    }
}
