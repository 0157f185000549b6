package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Tails an LSE file as it is written: feeds every complete frame to a {@link SeriesVerifier} (which releases the
 * authenticated records), waits on partial frames, and follows rotation. When another file appears at the path,
 * it waits until that file holds a segment header, which links to the digest of the old file's last segment and
 * so is only written once the old one is complete; it then reads the old file to its end, closes it, and goes on
 * with the new one. The chain check of the verifier proves that nothing was lost in between.
 */
final class FileFollower {

    private final Path path;
    private final SeriesVerifier verifier;
    private final StopSignal stop;
    private final long pollMillis;
    private final long idleExitMillis;
    private final Runnable afterProgress;

    /**
     * @param idleExitMillis stop after this long without new data; negative to run until stopped
     * @param afterProgress  run after new items were read (flushes the output)
     */
    FileFollower(Path path, SeriesVerifier verifier, StopSignal stop, long pollMillis, long idleExitMillis,
                 Runnable afterProgress) {
        this.path = path;
        this.verifier = verifier;
        this.stop = stop;
        this.pollMillis = pollMillis;
        this.idleExitMillis = idleExitMillis;
        this.afterProgress = afterProgress;
    }

    /** Follows until stopped or idle, then classifies what is left and returns the report. */
    VerificationReport follow() throws IOException, InterruptedException {
        TailedFile current = TailedFile.openIfPresent(path, 0);
        if (current == null) {
            throw new NoSuchFileException(path.toString());
        }
        long lastProgress = System.nanoTime();
        try {
            while (true) {
                if (drain(current)) {
                    afterProgress.run();
                    lastProgress = System.nanoTime();
                }
                if (stop.isRequested() || idle(lastProgress)) {
                    break;
                }
                if (current.replacedAtPath()) {
                    TailedFile next = successor(current);
                    if (next != null) {
                        current = next;
                        afterProgress.run();
                        lastProgress = System.nanoTime();
                        continue;
                    }
                }
                if (stop.await(pollMillis)) {
                    break;
                }
            }
            finish(current);
        } finally {
            current.close();
        }
        afterProgress.run();
        return verifier.finish();
    }

    /**
     * The file now at the path once it has begun (its first item is known), after reading {@code current} to its
     * end; null while there is no file yet or its first segment header is still incomplete.
     */
    private TailedFile successor(TailedFile current) throws IOException {
        TailedFile next = TailedFile.openIfPresent(path, current.generation() + 1);
        if (next == null) {
            return null;
        }
        ScanItem first = next.scanner().next();
        if (first == null || first instanceof ScanItem.EndOfData) {
            next.close();
            return null;
        }
        finish(current);
        current.close();
        verifier.accept(next.label(), first);
        return next;
    }

    /** Feeds every complete item; true when there was at least one. */
    private boolean drain(TailedFile file) throws IOException {
        boolean progressed = false;
        file.size();
        while (true) {
            ScanItem item = file.scanner().next();
            if (item == null || item instanceof ScanItem.EndOfData) {
                return progressed;
            }
            verifier.accept(file.label(), item);
            progressed = true;
        }
    }

    /** Reads a file to its end and classifies the bytes that are not whole frames. */
    private void finish(TailedFile file) throws IOException {
        drain(file);
        if (file.size() == 0) {
            verifier.emptyFile(file.label());
            return;
        }
        ScanItem last = file.scanner().finish();
        if (last != null) {
            verifier.accept(file.label(), last);
        }
    }

    private boolean idle(long lastProgress) {
        return idleExitMillis >= 0 && System.nanoTime() - lastProgress >= idleExitMillis * 1_000_000L;
    }
}
