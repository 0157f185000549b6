package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer never adds a frame to a segment after FINAL: what may follow is a new segment (possibly cut short by a
 * crash) or zeros. Anything else appended to a closed segment is tampering (1), located at the first appended
 * byte, even when it looks like the start of a frame; a torn new segment header after it is only unclosed (4).
 */
class AppendedGarbageIsTamperingTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void randomBytesAfterFinalAreTampering() throws Exception {
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);

        assertTampersAtTheEnd(garbage);
    }

    @Test
    void textAfterFinalIsTampering() throws Exception {
        assertTampersAtTheEnd("2024-01-01 INFO an injected plain-text line\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aPlausibleFrameStartAfterFinalIsTamperingNotATornTail() throws Exception {
        // length 256, type DATA, and fewer body bytes than announced: a torn frame anywhere but after FINAL
        byte[] fakeFrame = {0, 0, 1, 0, 1, 42, 42, 42};

        assertTampersAtTheEnd(fakeFrame);
    }

    @Test
    void theStartOfANewSegmentSignatureAfterFinalIsATornHeader() throws Exception {
        byte[] segment = SegmentFixture.smallSealedSegment(KEK);
        for (int cut = 1; cut < LseFormat.magic().length; cut++) {
            byte[] torn = concat(segment, java.util.Arrays.copyOf(LseFormat.magic(), cut));

            Verified verified = Verified.bytes(options(), dir.resolve("torn" + cut + ".lse"), torn);

            assertThat(verified.exitCode()).as(cut + " signature bytes: " + verified.describe())
                    .isEqualTo(VerificationReport.UNCLOSED);
            assertThat(verified.first(Finding.Severity.UNCLOSED).offset()).isEqualTo(segment.length);
        }
    }

    private void assertTampersAtTheEnd(byte[] appended) throws Exception {
        byte[] segment = SegmentFixture.smallSealedSegment(KEK);
        int frames = SegmentBytes.parse(segment).frameCount();

        Verified verified = Verified.bytes(options(), dir.resolve("garbage.lse"), concat(segment, appended));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
        Finding problem = verified.firstProblem().orElseThrow();
        assertThat(problem.severity()).isEqualTo(Finding.Severity.TAMPERED);
        assertThat(problem.seq()).isEqualTo(frames);
        assertThat(problem.offset()).isEqualTo(segment.length);
        assertThat(verified.releasedTexts()).isEqualTo(SegmentFixture.SMALL_SEALED_TEXTS);
    }

    private static SeriesVerifier.Options options() {
        return Verified.options(List.of(KEK), SegmentFixture.sealVerifier());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
