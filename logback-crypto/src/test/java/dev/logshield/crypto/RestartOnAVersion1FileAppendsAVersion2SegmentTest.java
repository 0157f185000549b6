package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.testing.FormatDocument;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an upgrade, the appender restarting on a file written in format version 1 (FORMAT.md's vector 1) leaves its
 * bytes alone and appends a version 2 segment linked to it: the file holds both versions, and the series verifies
 * intact with the keys of both writers.
 */
class RestartOnAVersion1FileAppendsAVersion2SegmentTest {

    @TempDir
    Path dir;

    @Test
    void theNewSegmentIsVersion2AndLinksToTheVersion1One() throws Exception {
        Path file = dir.resolve("app.lse");
        byte[] version1 = FormatDocument.bytes("lse-vector-1");
        Files.write(file, version1);
        TestIdentity reader = TestIdentity.generate();

        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        context.getLogger("x").info("after the upgrade");
        context.stop();

        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        List<ScanItem.SegmentStart> segments = segments(file);
        assertThat(segments).extracting(s -> s.core().version()).containsExactly(1, 2);
        assertThat(segments.get(1).core().seriesIndex()).isEqualTo(1);
        assertThat(segments.get(1).core().previousSegmentId()).isEqualTo(segments.get(0).core().segmentId());
        assertThat(Files.readAllBytes(file)).startsWith(version1);
        Verified verified = Verified.files(Verified.options(List.of(new TestKek(FormatDocument.counting(0x40, 32),
                "logs"), reader.identity()), null), List.of(file));
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.releasedTexts()).containsExactly("hello\n", "world\n", "after the upgrade\n");
    }

    private static List<ScanItem.SegmentStart> segments(Path file) throws Exception {
        List<ScanItem.SegmentStart> segments = new ArrayList<>();
        try (FileByteSource source = new FileByteSource(file)) {
            LseScanner scanner = new LseScanner(source);
            for (ScanItem item = scanner.next(); item != null && !(item instanceof ScanItem.EndOfData);
                 item = scanner.next()) {
                if (item instanceof ScanItem.SegmentStart start) {
                    segments.add(start);
                }
            }
        }
        return segments;
    }
}
