package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code <suite>} in logback.xml names a record AEAD as FORMAT.md does ({@code AES-256-GCM},
 * {@code ChaCha20-Poly1305}), in any case, with - or _ and surrounding blanks; anything else is no suite. The id
 * byte in a core names the same suites.
 */
class CipherSuiteIsChosenByItsConfigurationNameTest {

    @Test
    void eachSuiteIsFoundByItsNameInAnySpelling() {
        assertThat(CipherSuite.byName("AES-256-GCM")).isEqualTo(CipherSuite.AES_256_GCM);
        assertThat(CipherSuite.byName(" aes_256-gcm ")).isEqualTo(CipherSuite.AES_256_GCM);
        assertThat(CipherSuite.byName("ChaCha20-Poly1305")).isEqualTo(CipherSuite.CHACHA20_POLY1305);
        assertThat(CipherSuite.byName("chacha20_poly1305")).isEqualTo(CipherSuite.CHACHA20_POLY1305);
    }

    @Test
    void anythingElseIsNoSuite() {
        assertThat(CipherSuite.byName("AES-128-GCM")).isNull();
        assertThat(CipherSuite.byName("")).isNull();
        assertThat(CipherSuite.byName(null)).isNull();
        assertThat(CipherSuite.byId(0)).isNull();
        assertThat(CipherSuite.byId(3)).isNull();
    }

    @Test
    void displayNameAndIdRoundTrip() {
        for (CipherSuite suite : CipherSuite.values()) {
            assertThat(CipherSuite.byName(suite.displayName())).isEqualTo(suite);
            assertThat(CipherSuite.byId(suite.id())).isEqualTo(suite);
        }
        assertThat(CipherSuite.AES_256_GCM.displayName()).isEqualTo("AES-256-GCM");
        assertThat(CipherSuite.CHACHA20_POLY1305.displayName()).isEqualTo("ChaCha20-Poly1305");
    }

    @Test
    void everyFrameButTheCheckpointIsEncrypted() {
        assertThat(FrameType.values()).filteredOn(FrameType::encrypted)
                .containsExactly(FrameType.DATA, FrameType.META, FrameType.EPOCH, FrameType.FINAL);
    }
}
