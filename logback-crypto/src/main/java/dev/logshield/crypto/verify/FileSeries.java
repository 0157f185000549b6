package dev.logshield.crypto.verify;

import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Verifies (and decrypts) a set of LSE files as one rotation series, in series order whatever their names. */
public final class FileSeries {

    private FileSeries() {
    }

    /**
     * The files ordered by the series index of their first whole segment (rotated files first, the active file
     * last); files without a readable segment keep their relative order at the end.
     */
    public static List<Path> inSeriesOrder(List<Path> files) throws IOException {
        List<Path> ordered = new ArrayList<>(files);
        List<Long> indexes = new ArrayList<>();
        for (Path file : files) {
            indexes.add(firstSeriesIndex(file));
        }
        ordered.sort(Comparator.comparingLong(f -> indexes.get(files.indexOf(f))));
        return ordered;
    }

    /** Scans every file in series order through one {@link SeriesVerifier}. */
    public static VerificationReport verify(List<Path> files, SeriesVerifier.Options options,
                                            SeriesVerifier.RecordSink sink) throws IOException {
        SeriesVerifier verifier = new SeriesVerifier(options, sink);
        for (Path file : inSeriesOrder(files)) {
            scan(file, verifier);
        }
        return verifier.finish();
    }

    /** Feeds one whole file to {@code verifier}. */
    public static void scan(Path file, SeriesVerifier verifier) throws IOException {
        String name = file.toString();
        try (FileByteSource source = new FileByteSource(file)) {
            if (source.size() == 0) {
                verifier.emptyFile(name);
                return;
            }
            LseScanner scanner = new LseScanner(source);
            while (true) {
                ScanItem item = scanner.nextOfWhole();
                if (item == null) {
                    return;
                }
                verifier.accept(name, item);
            }
        }
    }

    /**
     * The series index of the first whole segment in {@code file}, found by the scanner: a file may start with
     * the torn header of a crashed writer, followed by the restarted writer's segment.
     */
    private static long firstSeriesIndex(Path file) throws IOException {
        try (FileByteSource source = new FileByteSource(file)) {
            LseScanner scanner = new LseScanner(source);
            for (ScanItem item = scanner.next(); item != null; item = scanner.next()) {
                if (item instanceof ScanItem.SegmentStart start) {
                    return start.core().seriesIndex();
                }
                if (item instanceof ScanItem.EndOfData) {
                    break;
                }
            }
        }
        return Long.MAX_VALUE;
    }
}
