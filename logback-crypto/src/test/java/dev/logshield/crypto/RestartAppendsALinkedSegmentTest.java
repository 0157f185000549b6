package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting again on an existing file never touches its bytes: a new segment (fresh data key, nonces from 0 under
 * it) is appended and linked to the old one, so the whole file still verifies as one series.
 */
class RestartAppendsALinkedSegmentTest {

    @TempDir
    Path dir;

    @Test
    void threeRunsThreeChainedSegmentsOneIntactSeries() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        List<String> expected = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                    Map.of("dir", dir.toString(), "recipient", reader.recipient()));
            for (int i = 0; i < 10; i++) {
                context.getLogger("x").info("run {} event {}", run, i);
                expected.add("run " + run + " event " + i);
            }
            context.stop();
            assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        }
        Path file = dir.resolve("app.lse");

        List<ScanItem.SegmentStart> segments = new ArrayList<>();
        try (FileByteSource source = new FileByteSource(file)) {
            LseScanner scanner = new LseScanner(source);
            for (ScanItem item = scanner.next(); item != null && !(item instanceof ScanItem.EndOfData); item = scanner.next()) {
                if (item instanceof ScanItem.SegmentStart start) {
                    segments.add(start);
                }
            }
        }
        assertThat(segments).extracting(s -> s.core().seriesIndex()).containsExactly(0L, 1L, 2L);
        assertThat(segments.get(1).core().previousSegmentId()).isEqualTo(segments.get(0).core().segmentId());
        assertThat(segments.get(2).core().previousSegmentId()).isEqualTo(segments.get(1).core().segmentId());

        Decrypted decrypted = Decrypted.files(List.of(file), reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        assertThat(decrypted.report().exitCode()).isZero();
        assertThat(decrypted.lines()).containsExactlyElementsOf(expected);
    }
}
