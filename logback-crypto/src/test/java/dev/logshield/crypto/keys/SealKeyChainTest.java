package dev.logshield.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * Proves the seal key chain: each step is the specified HMAC (recomputed with BouncyCastle), evolution is
 * deterministic and composes, it only runs forward, and epochs are cut as specified (checkpoint tags:
 * {@code CheckpointLayoutDependsOnTheVersionTest}).
 */
class SealKeyChainTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void oneStepIsHmacOfTheEvolveLabelUnderTheKey() {
        byte[] s0 = bytes(32);

        assertThat(SealKeyChain.evolve(s0, 0, 1)).isEqualTo(bcHmac(s0, "lse/v1 evolve".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void evolutionIsDeterministicAndComposes() {
        byte[] s0 = bytes(32);
        byte[] copy = s0.clone();

        byte[] s5 = SealKeyChain.evolve(s0, 0, 5);

        assertThat(SealKeyChain.evolve(s0, 0, 5)).isEqualTo(s5);
        assertThat(SealKeyChain.evolve(SealKeyChain.evolve(s0, 0, 2), 2, 5)).isEqualTo(s5);
        assertThat(SealKeyChain.evolve(s0, 7, 12)).as("only the number of steps counts").isEqualTo(s5);
        assertThat(s0).as("the argument is left intact").isEqualTo(copy);
        assertThat(SealKeyChain.evolve(s0, 3, 3)).isEqualTo(s0).isNotSameAs(s0);
        assertThat(SealKeyChain.evolve(s0, 0, 4)).isNotEqualTo(s5);
    }

    @Test
    void evolutionNeverRunsBackward() {
        byte[] s = bytes(32);

        assertThatThrownBy(() -> SealKeyChain.evolve(s, 5, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only forward");
        assertThatThrownBy(() -> SealKeyChain.evolve(s, -1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealKeyChain.evolve(new byte[16], 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void epochsAreCutFromTheOriginAtTheInterval() {
        long origin = 1_700_000_000_000L;
        SealKeyChain chain = new SealKeyChain(origin, 60);

        assertThat(chain.epochAt(origin - 86_400_000L)).as("a clock before the origin").isZero();
        assertThat(chain.epochAt(origin)).isZero();
        assertThat(chain.epochAt(origin + 59_999)).isZero();
        assertThat(chain.epochAt(origin + 60_000)).isEqualTo(1);
        assertThat(chain.epochAt(origin + 3_600_000)).isEqualTo(60);
        assertThat(chain.epochStartMs(2)).isEqualTo(origin + 120_000);
        assertThat(chain.epochEndMs(2)).isEqualTo(origin + 180_000);
        for (long t = 0; t < 100; t++) {
            assertThat(chain.epochAt(chain.epochStartMs(t))).isEqualTo(t);
            assertThat(chain.epochAt(chain.epochEndMs(t) - 1)).isEqualTo(t);
        }
        assertThatThrownBy(() -> new SealKeyChain(origin, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.epochStartMs(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bcHmac(byte[] key, byte[] message) {
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(key));
        hmac.update(message, 0, message.length);
        byte[] out = new byte[32];
        hmac.doFinal(out, 0);
        return out;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
