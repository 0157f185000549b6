package dev.logshield.crypto.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.testing.RotatedSeries;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anchor log comes from another host and may hold damaged lines: a line with the anchor prefix whose digest or
 * tag is not 32 bytes of base64, or whose segment id is not 16 bytes of hex, is not an anchor. It is skipped, so it
 * can neither crash the verifier nor stand for a checkpoint.
 */
class MalformedAnchorLinesAreIgnoredTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void damagedAnchorLinesAreNotAnchors() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 1);
        String good = series.anchorLog().lines().findFirst().orElseThrow();
        String[] parts = good.split(" ");
        String badDigest = good.replace(parts[7], "!!not-base64!!");
        String shortTag = good.replace(parts[8], "AAAA");
        String badId = good.replace(parts[2], "zz" + parts[2].substring(2));

        List<Anchor> anchors = Anchor.parseAll(String.join("\n", badDigest, shortTag, badId));

        assertThat(anchors).isEmpty();
    }

    @Test
    void aDamagedLineBesideGoodOnesLeavesTheVerdictToTheGoodOnes() throws Exception {
        RotatedSeries series = RotatedSeries.write(dir, "app", KEK, 1);
        String good = series.anchorLog().lines().findFirst().orElseThrow();
        String damaged = good.replace(good.split(" ")[7], "%%%%");

        List<Anchor> anchors = Anchor.parseAll(damaged + "\n" + series.anchorLog());
        Verified verified = Verified.files(
                Verified.withAnchors(Verified.options(List.of(KEK), SegmentFixture.sealVerifier()), anchors),
                series.files());

        assertThat(anchors).hasSize(2);
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
    }
}
