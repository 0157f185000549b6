package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unsealed segment has no checkpoint to prove its closure: even in version 2, a verifier without the record key
 * finds a closed unsealed segment UNCLOSED ("closure not provable without a reader key"). The seal seed expects
 * sealing: with it, as when sealing is expected, the unsealed segment is TAMPERED. The record key proves it INTACT.
 */
class UnsealedSegmentClosureNeedsTheReaderKeyTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void withoutAnyKeyItIsUnclosed() throws Exception {
        Verified verified = verify(Verified.options(List.of(), null));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.UNCLOSED);
        assertThat(verified.first(Finding.Severity.UNCLOSED).message())
                .contains("closure not provable without a reader key (the segment is not sealed)");
    }

    @Test
    void withTheSealSeedItIsTampered() throws Exception {
        Verified verified = verify(Verified.options(List.of(), SegmentFixture.sealVerifier()));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(verified.first(Finding.Severity.TAMPERED).message()).contains("not sealed")
                .contains("--seal-key implies --expect-sealed");
    }

    @Test
    void whenSealingIsExpectedItIsTampered() throws Exception {
        Verified verified = verify(new SeriesVerifier.Options(List.of(), List.of(SegmentFixture.sealVerifier()), true,
                List.of(), 0, false));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
    }

    @Test
    void withTheRecordKeyItIsIntact() throws Exception {
        Verified verified = verify(Verified.options(List.of(KEK), null));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).isEmpty();
    }

    private Verified verify(SeriesVerifier.Options options) throws Exception {
        return Verified.bytes(options, dir.resolve("unsealed.lse"),
                SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 3));
    }
}
