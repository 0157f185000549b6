package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.FileByteSource;
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
}
