package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.KeyBlock;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.Stanza;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 */
final class KeyBlockRewriter {

    private final List<? extends DataKeyUnwrapper> keys;
    private final List<? extends DataKeyWrapper> readers;

    KeyBlockRewriter(List<? extends DataKeyUnwrapper> keys, List<? extends DataKeyWrapper> readers) {
        this.keys = List.copyOf(keys);
        this.readers = List.copyOf(readers);
    }

    /** Rewraps {@code file} in place; returns the number of segments rewrapped. */
    int rewrap(Path file) throws IOException, KeyMaterialException, CommandFailedException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileByteSource source = new FileByteSource(file);
             AtomicReplacement replacement = AtomicReplacement.of(file)) {
            long size = in.size();
            List<Long> signatures = SignatureScan.offsets(in);
            FileChannel out = replacement.channel();
            Set<Long> segmentStarts = new HashSet<>();
            LseScanner scanner = new LseScanner(source);
            long copied = 0;
            while (true) {
                ScanItem item = scanner.next();
                if (item instanceof ScanItem.EndOfData) {
                    item = scanner.finish();
                }
                if (item == null) {
                    break;
                }
                if (item instanceof ScanItem.SegmentStart start) {
                    segmentStarts.add(start.offset());
                    long keyBlockAt = start.offset() + LseFormat.CORE_LENGTH;
                    copy(in, copied, keyBlockAt, out);
                    out.write(ByteBuffer.wrap(newKeyBlock(start, file).encode()));
                    copied = keyBlockAt + start.keyBlock().encode().length;
                } else if (item instanceof ScanItem.SegmentEnd end && end.tail() != null) {
                    refuseGarbage(file, end.tail());
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
