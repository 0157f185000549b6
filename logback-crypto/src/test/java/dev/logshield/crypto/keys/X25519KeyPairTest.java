package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Proves a key pair hands out copies, keeps its public key after destroy, and zeroes and refuses its private key. */
class X25519KeyPairTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedPairsAreDistinctAndConsistent() {
        X25519KeyPair a = X25519KeyPair.generate(random);
        X25519KeyPair b = X25519KeyPair.generate(random);

        assertThat(a.privateKey()).hasSize(32).isNotEqualTo(b.privateKey());
        assertThat(X25519KeyPair.fromPrivateKey(a.privateKey()).publicKey()).isEqualTo(a.publicKey());
    }

    @Test
    void keepsItsOwnCopiesOfTheKeys() {
        byte[] sk = new byte[32];
        random.nextBytes(sk);
        byte[] original = sk.clone();
        X25519KeyPair pair = X25519KeyPair.fromPrivateKey(sk);
        byte[] expectedPublic = pair.publicKey();

        sk[0] ^= 1;
        pair.privateKey()[0] ^= 1;
        pair.publicKey()[0] ^= 1;

        assertThat(pair.privateKey()).isEqualTo(original);
        assertThat(pair.publicKey()).isEqualTo(expectedPublic);
    }

    @Test
    void destroyZeroesThePrivateKeyAndRefusesIt() {
        X25519KeyPair pair = X25519KeyPair.generate(random);
        byte[] publicKey = pair.publicKey();

        pair.destroy();

        assertThat(pair.isDestroyed()).isTrue();
        assertThatThrownBy(pair::privateKey).isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
        assertThat(pair.publicKey()).isEqualTo(publicKey);
        assertThat(pair.toString()).contains("destroyed").doesNotContain(KeyIds.hex(publicKey));
    }

    @Test
    void refusesPrivateKeysOfTheWrongLength() {
        assertThatThrownBy(() -> X25519KeyPair.fromPrivateKey(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> X25519KeyPair.fromPrivateKey(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
