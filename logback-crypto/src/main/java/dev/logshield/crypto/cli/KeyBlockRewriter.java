package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.KeyBlock;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.Stanza;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Re-wraps every segment of a file for new readers: recovers each segment's data key with the old keys, seals a
 * new key block (new stanzas, MAC under the same data key) and writes a copy of the file in which only the key
 * blocks differ; cores, frames, digests and checkpoints stay byte for byte, so everything that verified before
 * verifies the same. The copy replaces the file atomically.
 *
 * <p>Refuses (and leaves the file alone) when the file has bytes it cannot account for: bytes outside any
 * segment, damaged frames, or an LSE signature where no segment was recognised (a segment header inside a torn
 * region, whose key block would keep the old keys). Torn or zero-filled tails, even followed by a restarted
 * segment, are copied as they are: they hold only ciphertext under a segment's unchanged data key.
 *
 * <p>Also refused unless allowed: a file whose last segment is not closed. A writer may still hold it open, and
 * what it appends after the rename would go to the replaced file and be lost. A symbolic link is refused too:
 * the rename would replace the link, not the file it points to.
 */
final class KeyBlockRewriter {

    private final List<? extends DataKeyUnwrapper> keys;
    private final List<? extends DataKeyWrapper> readers;
    private final boolean allowUnclosed;

    /** @param allowUnclosed rewrap a file whose last segment has no FINAL (a crashed writer's file) */
    KeyBlockRewriter(List<? extends DataKeyUnwrapper> keys, List<? extends DataKeyWrapper> readers,
                     boolean allowUnclosed) {
        this.keys = List.copyOf(keys);
        this.readers = List.copyOf(readers);
        this.allowUnclosed = allowUnclosed;
    }

    /** Rewraps {@code file} in place; returns the number of segments rewrapped. */
    int rewrap(Path file) throws IOException, KeyMaterialException, CommandFailedException {
        if (Files.isSymbolicLink(file)) {
            throw new CommandFailedException("refusing to rewrap " + file + ": it is a symbolic link; give the file it"
                    + " points to (" + file.toRealPath() + ")");
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileByteSource source = new FileByteSource(file);
             AtomicReplacement replacement = AtomicReplacement.of(file)) {
            long size = in.size();
            List<Long> signatures = SignatureScan.offsets(in);
            FileChannel out = replacement.channel();
            Set<Long> segmentStarts = new HashSet<>();
            LseScanner scanner = new LseScanner(source);
            long copied = 0;
            FrameType lastType = null;
            long lastSeries = -1;
            while (true) {
                ScanItem item = scanner.nextOfWhole();
                if (item == null) {
                    break;
                }
                if (item instanceof ScanItem.SegmentStart start) {
                    segmentStarts.add(start.offset());
                    lastType = null;
                    lastSeries = start.core().seriesIndex();
                    long keyBlockAt = start.offset() + LseFormat.CORE_LENGTH;
                    copy(in, copied, keyBlockAt, out);
                    out.write(ByteBuffer.wrap(newKeyBlock(start, file).encode()));
                    copied = keyBlockAt + start.keyBlock().encode().length;
                } else if (item instanceof ScanItem.Frame frame) {
                    lastType = frame.type();
                } else if (item instanceof ScanItem.SegmentEnd end && end.tail() != null) {
                    refuseGarbage(file, end.tail());
                } else if (item instanceof ScanItem.Stray stray && stray.unsupportedVersion() >= 0) {
                    throw new CommandFailedException("refusing to rewrap " + file + ": the segment at byte "
                            + stray.tail().offset() + " is of " + SegmentCore.unsupportedVersion(
                            stray.unsupportedVersion()) + ". The file is unchanged.");
                } else if (item instanceof ScanItem.Stray stray) {
                    refuseGarbage(file, stray.tail());
                }
            }
            for (long signature : signatures) {
                if (!segmentStarts.contains(signature)) {
                    throw new CommandFailedException("refusing to rewrap " + file + ": an LSE segment signature at byte "
                            + signature + " is inside a damaged region (a torn middle); its key block could not be"
                            + " replaced, so the old keys would still open it. The file is unchanged.");
                }
            }
            if (!segmentStarts.isEmpty() && lastType != FrameType.FINAL && !allowUnclosed) {
                throw new CommandFailedException("refusing to rewrap " + file + ": its last segment (" + lastSeries
                        + ") is not closed, so a writer may still be appending to it, and what it appends after the"
                        + " rewrap would be lost. If its writer crashed, give --allow-unclosed. The file is unchanged.");
            }
            copy(in, copied, size, out);
            if (in.size() != size) {
                throw new CommandFailedException("refusing to rewrap " + file + ": it changed while being read"
                        + " (is it still being written? rewrap only files the writer has closed). The file is unchanged.");
            }
            replacement.commit();
            return segmentStarts.size();
        }
    }

    private KeyBlock newKeyBlock(ScanItem.SegmentStart start, Path file)
            throws KeyMaterialException, CommandFailedException {
        String where = "segment " + start.core().seriesIndex() + " (byte " + start.offset() + ") of " + file;
        byte[] dataKey = DataKeyRecovery.recover(start.core(), start.keyBlock(), keys, where);
        try {
            byte[] segmentId = start.core().segmentId();
            List<Stanza> stanzas = new ArrayList<>(readers.size());
            for (DataKeyWrapper reader : readers) {
                stanzas.add(reader.wrap(dataKey, segmentId));
            }
            return KeyBlock.seal(start.core(), dataKey, stanzas);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static void refuseGarbage(Path file, ScanItem.Tail tail) throws CommandFailedException {
        if (tail.kind() == ScanItem.Tail.Kind.GARBAGE) {
            throw new CommandFailedException("refusing to rewrap " + file + ": " + tail.length() + " byte(s) at byte "
                    + tail.offset() + " are not frames of any segment (corrupt, tampered or a torn middle), so it"
                    + " cannot be rewrapped safely. The file is unchanged; verify it first.");
        }
    }

    private static void copy(FileChannel in, long from, long to, FileChannel out) throws IOException {
        long at = from;
        while (at < to) {
            long n = in.transferTo(at, to - at, out);
            if (n <= 0) {
                throw new IOException("short read while copying at byte " + at);
            }
            at += n;
        }
    }
}
