package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.FormatException;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment whose version byte this reader does not read (a newer writer's, or version 0) is neither guessed at nor
 * passed over: the verifier fails closed (TAMPERED) with "unsupported LSE version N (this reader reads versions 1
 * and 2)" at the segment's offset, instead of calling it garbage; the segments of known versions around it are
 * still checked.
 */
class UnsupportedVersionIsReportedAsSuchTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void aFileOfAnUnknownVersionIsReportedAsUnsupported() throws Exception {
        for (int version : List.of(0, 3, 0xFF)) {
            byte[] file = SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 2);
            file[8] = (byte) version;

            Verified verified = Verified.bytes(KEK, dir.resolve("v" + version + ".lse"), file);

            assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
            Finding problem = verified.firstProblem().orElseThrow();
            assertThat(problem.offset()).isZero();
            assertThat(problem.message()).startsWith("unsupported LSE version " + version
                    + " (this reader reads versions 1 and 2)");
            assertThat(verified.released()).isEmpty();
        }
    }

    @Test
    void aNewerSegmentAfterAKnownOneIsReportedAtItsOffset() throws Exception {
        byte[] known = SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 2);
        byte[] newer = SegmentFixture.closedSegment(KEK, CipherSuite.AES_256_GCM, 1);
        newer[8] = 3;
        byte[] file = Arrays.copyOf(known, known.length + newer.length);
        System.arraycopy(newer, 0, file, known.length, newer.length);

        Verified verified = Verified.bytes(KEK, dir.resolve("mixed.lse"), file);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.offset()).isEqualTo(known.length);
        assertThat(problem.message()).startsWith("unsupported LSE version 3");
        assertThat(verified.releasedTexts()).containsExactly("event 0\n", "event 1\n");
    }

    @Test
    void theCoreParserNamesTheVersion() {
        byte[] core = new byte[128];
        System.arraycopy(new byte[] {(byte) 0x89, 'L', 'S', 'E', 0x0D, 0x0A, 0x1A, 0x0A, 7}, 0, core, 0, 9);

        Assertions.assertThatThrownBy(() -> SegmentCore.decode(core)).isInstanceOf(FormatException.class)
                .hasMessage("unsupported LSE version 7 (this reader reads versions 1 and 2)");
        assertThat(SegmentCore.unsupportedVersionOf(core)).isEqualTo(7);
    }
}
