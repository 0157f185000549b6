package dev.logshield.crypto.testing;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.verify.Anchor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A rotation series as the appender leaves it: one sealed segment per file, each linked to the one before,
 * rolled over one seal epoch apart, the last one closed; every checkpoint also published as an anchor line.
 */
public final class RotatedSeries {

    public static final int EVENTS_PER_SEGMENT = 2;

    private final List<Path> files;
    private final List<String> anchorLines;

    private RotatedSeries(List<Path> files, List<String> anchorLines) {
        this.files = files;
        this.anchorLines = anchorLines;
    }

    /** Writes {@code segments} files {@code <prefix>.<i>.lse} into {@code dir}. */
    public static RotatedSeries write(Path dir, String prefix, DataKeyWrapper key, int segments) throws Exception {
        List<Path> files = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        TestSealKeys seal = SegmentFixture.sealKeys();
        ChainLink link = ChainLink.seriesStart();
        for (int i = 0; i < segments; i++) {
            long start = SegmentFixture.T0 + i * SegmentFixture.EPOCH_MS + 100;
            SegmentFixture segment = new SegmentFixture().start(SegmentFixture.sealed(seal, 0,
                    (core, checkpoint) -> anchors.add(Anchor.line(core.segmentId(), core.seriesIndex(), checkpoint))),
                    link, List.of(key), start);
            for (int e = 0; e < EVENTS_PER_SEGMENT; e++) {
                segment.event(text(i, e), start + 1 + e);
            }
            if (i < segments - 1) {
                segment.rollOver(start + 1_000);
            } else {
                segment.close(start + 1_000);
            }
            link = segment.writer.nextLink();
            Path file = dir.resolve(prefix + "." + i + ".lse");
            Files.write(file, segment.bytes());
            files.add(file);
        }
        return new RotatedSeries(files, anchors);
    }

    /** The text of event {@code e} of segment {@code segment}. */
    public static String text(int segment, int e) {
        return "segment " + segment + " event " + e + "\n";
    }

    /** The texts of the given segments, in order. */
    public static List<String> texts(int... segments) {
        List<String> texts = new ArrayList<>();
        for (int segment : segments) {
            for (int e = 0; e < EVENTS_PER_SEGMENT; e++) {
                texts.add(text(segment, e));
            }
        }
        return texts;
    }

    public List<Path> files() {
        return new ArrayList<>(files);
    }

    public Path file(int segment) {
        return files.get(segment);
    }

    /** The anchor lines as a remote collector's log holds them, one per line. */
    public String anchorLog() {
        return String.join("\n", anchorLines) + "\n";
    }
}
