package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the frames of a file are, found with the keyless scanner: for tests that damage a chosen frame. */
final class FrameOffsets {

    private FrameOffsets() {
    }

    /** Start offsets of every frame in file order, then the offset where the last one ends. */
    static List<Long> of(Path file) throws Exception {
        List<Long> offsets = new ArrayList<>();
        long end = 0;
        try (FileByteSource source = new FileByteSource(file)) {
            LseScanner scanner = new LseScanner(source);
            for (ScanItem item = scanner.next(); item != null && !(item instanceof ScanItem.EndOfData);
                 item = scanner.next()) {
                if (item instanceof ScanItem.Frame frame) {
                    offsets.add(frame.offset());
                    end = frame.offset() + frame.length();
                }
            }
        }
        offsets.add(end);
        return offsets;
    }

    /** The [start, end) byte ranges of every segment's key block. */
    static List<long[]> keyBlocks(Path file) throws Exception {
        List<long[]> blocks = new ArrayList<>();
        try (FileByteSource source = new FileByteSource(file)) {
            LseScanner scanner = new LseScanner(source);
            for (ScanItem item = scanner.next(); item != null && !(item instanceof ScanItem.EndOfData);
                 item = scanner.next()) {
                if (item instanceof ScanItem.SegmentStart start) {
                    long from = start.offset() + LseFormat.CORE_LENGTH;
                    blocks.add(new long[] {from, from + start.keyBlock().encode().length});
                }
            }
        }
        return blocks;
    }

    /** The link a restarted writer computes from the file's last segment, without any key. */
    static ChainLink linkAfter(Path file) throws Exception {
        try (FileByteSource source = new FileByteSource(file)) {
            LseScanner scanner = new LseScanner(source);
            long series = -1;
            byte[] id = null;
            ScanItem.SegmentEnd end = null;
            while (true) {
                ScanItem item = scanner.next();
                if (item instanceof ScanItem.EndOfData) {
                    item = scanner.finish();
                }
                if (item == null) {
                    return new ChainLink(series + 1, id, end.digest());
                }
                if (item instanceof ScanItem.SegmentStart start) {
                    series = start.core().seriesIndex();
                    id = start.core().segmentId();
                } else if (item instanceof ScanItem.SegmentEnd segmentEnd) {
                    end = segmentEnd;
                }
            }
        }
    }
}
