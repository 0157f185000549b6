package dev.logshield.crypto;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.Hex;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.format.SegmentCore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What a keyless scan of an existing log file tells a writer that continues its series: the link after the file's
 * last segment, through its last complete frame (after a crash the segment has no FINAL, and torn or zero-filled
 * bytes may follow), and which segments the file holds.
 */
final class ExistingSegments {

    private final ChainLink next;
    private final long lastSeriesIndex;
    private final boolean lastSealed;
    private final Set<String> segmentIds;

    private ExistingSegments(ChainLink next, long lastSeriesIndex, boolean lastSealed, Set<String> segmentIds) {
        this.next = next;
        this.lastSeriesIndex = lastSeriesIndex;
        this.lastSealed = lastSealed;
        this.segmentIds = segmentIds;
    }

    /**
     * Scans {@code file}.
     *
     * @throws IOException when it cannot be read, holds a segment of a format version this writer does not read,
     *                     or is not an LSE file at all: a writer must not append to it
     */
    static ExistingSegments scan(Path file) throws IOException {
        ScanItem.SegmentStart last = null;
        ScanItem.SegmentEnd lastEnd = null;
        Set<String> ids = new HashSet<>();
        try (FileByteSource source = new FileByteSource(file)) {
            LseScanner scanner = new LseScanner(source);
            while (true) {
                ScanItem item = scanner.nextOfWhole();
                if (item == null) {
                    break;
                }
                if (item instanceof ScanItem.Stray stray && stray.unsupportedVersion() >= 0) {
                    throw new IOException(file + " holds a segment of " + SegmentCore.unsupportedVersion(
                            stray.unsupportedVersion()) + ", written by a newer LogShield: this writer cannot link to"
                            + " it; move the file away or set another <file>");
                }
                if (item instanceof ScanItem.Stray stray && stray.tail().offset() == 0
                        && stray.tail().kind() == ScanItem.Tail.Kind.GARBAGE) {
                    // a torn or zero-filled header is what a crash while creating the file leaves: append after it
                    throw new IOException(file + " exists and is not an encrypted LSE file: move it away or set another"
                            + " <file>; it is never appended to or overwritten");
                }
                if (item instanceof ScanItem.SegmentStart start) {
                    last = start;
                    ids.add(Hex.of(start.core().segmentId()));
                } else if (item instanceof ScanItem.SegmentEnd end) {
                    lastEnd = end;
                }
            }
        }
        if (last == null || lastEnd == null) {
            return new ExistingSegments(null, -1, false, ids);
        }
        return new ExistingSegments(new ChainLink(last.core().seriesIndex() + 1, last.core().segmentId(),
                lastEnd.digest()), last.core().seriesIndex(), last.core().sealed(), ids);
    }

    /** The link of a segment appended after the file's last segment, or null when it holds no whole segment. */
    ChainLink next() {
        return next;
    }

    /** The series index of the file's last segment (valid when {@link #next()} is not null). */
    long lastSeriesIndex() {
        return lastSeriesIndex;
    }

    /** True when the file's last segment is sealed (valid when {@link #next()} is not null). */
    boolean lastSealed() {
        return lastSealed;
    }

    /** True when the file holds the segment with this id. */
    boolean holds(byte[] segmentId) {
        return segmentIds.contains(Hex.of(segmentId));
    }
}
