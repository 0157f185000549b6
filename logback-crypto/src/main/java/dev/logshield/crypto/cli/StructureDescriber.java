package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.FormatException;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.Hex;
import dev.logshield.crypto.format.KeyBlock;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.keys.Stanza;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Describes the structure of one LSE file without any key: each segment's clear-text header (series index, ids,
 * suite, flags, links, ratchet and seal geometry), its key block stanzas, its checkpoints (which are clear text,
 * so their digests can be checked against the bytes), frame counts by type, how it ends, and any bytes that are
 * not frames. Proves nothing about authenticity: anyone can write a well-formed file.
 */
final class StructureDescriber {

    private final PrintStream out;
    private boolean wellFormed = true;
    private Map<FrameType, Long> counts;
    private long frameBytes;
    private boolean closed;
    private int version;

    StructureDescriber(PrintStream out) {
        this.out = out;
    }

    /** Describes {@code file}; true when it is well formed (not necessarily closed). */
    boolean describe(Path file) throws IOException {
        try (FileByteSource source = new FileByteSource(file)) {
            out.println(file + ": " + source.size() + " bytes");
            if (source.size() == 0) {
                out.println("  empty file");
                return true;
            }
            LseScanner scanner = new LseScanner(source);
            while (true) {
                ScanItem item = scanner.nextOfWhole();
                if (item == null) {
                    return wellFormed;
                }
                describe(item);
            }
        }
    }

    private void describe(ScanItem item) {
        if (item instanceof ScanItem.SegmentStart start) {
            segment(start);
        } else if (item instanceof ScanItem.Frame frame) {
            counts.merge(frame.type(), 1L, Long::sum);
            frameBytes += frame.length();
            if (frame.type() == FrameType.CHECKPOINT) {
                checkpoint(frame);
            } else if (frame.type() == FrameType.FINAL) {
                closed = true;
            }
        } else if (item instanceof ScanItem.SegmentEnd end) {
            StringBuilder line = new StringBuilder("    frames:");
            counts.forEach((type, n) -> line.append(' ').append(n).append(' ').append(type));
            out.println(line.append(" (").append(end.frames()).append(" frames, ").append(frameBytes)
                    .append(" bytes)"));
            out.println("    end: " + (closed ? "closed (FINAL)" : "NOT CLOSED") + " at byte " + end.endOffset()
                    + ", digest " + Hex.of(end.digest()));
            if (end.tail() != null) {
                tail("    after the last whole frame", end.tail());
            }
        } else if (item instanceof ScanItem.Stray stray && stray.unsupportedVersion() >= 0) {
            out.println("  segment at byte " + stray.tail().offset() + ": " + SegmentCore.unsupportedVersion(
                    stray.unsupportedVersion()) + ", " + stray.tail().length() + " byte(s) not described");
            wellFormed = false;
        } else if (item instanceof ScanItem.Stray stray) {
            tail("  outside any segment", stray.tail());
        }
    }

    private void segment(ScanItem.SegmentStart start) {
        SegmentCore core = start.core();
        counts = new EnumMap<>(FrameType.class);
        frameBytes = 0;
        closed = false;
        version = core.version();
        out.println("  segment " + core.seriesIndex() + " at byte " + start.offset() + ": id " + Hex.of(core.segmentId())
                + ", format version " + core.version());
        out.println("    created " + Instant.ofEpochMilli(core.createdMs()) + ", " + core.suite().displayName()
                + (core.sealed() ? ", sealed" : ", not sealed") + ((core.flags() & LseFormat.FLAG_BATCHED) != 0 ? ", batched" : ""));
        out.println(core.startsSeries() ? "    starts a series"
                : "    follows segment " + Hex.of(core.previousSegmentId()) + " at digest "
                  + Hex.of(core.previousDigest()));
        if (core.ratchetRecords() > 0 || core.ratchetSeconds() > 0) {
            out.println("    key ratchet: every " + core.ratchetRecords() + " records / " + core.ratchetSeconds()
                    + " s (0 = no limit)");
        }
        if (core.sealed()) {
            out.println("    seal epochs: from " + Instant.ofEpochMilli(core.sealOriginMs()) + ", "
                    + core.sealIntervalSeconds() + " s each");
        }
        KeyBlock keyBlock = start.keyBlock();
        out.println("    key block: " + keyBlock.stanzas().size() + " stanza(s)");
        for (Stanza stanza : keyBlock.stanzas()) {
            out.println("      " + StanzaDescription.of(stanza));
        }
    }

    private void checkpoint(ScanItem.Frame frame) {
        try {
            Checkpoint checkpoint = Checkpoint.decode(version, frame.body());
            boolean matches = checkpoint.seq() == frame.seq()
                    && MessageDigest.isEqual(checkpoint.digest(), frame.digestBefore());
            out.println("    " + (checkpoint.closing() ? "closing checkpoint" : "checkpoint") + " at frame "
                    + frame.seq() + " (byte " + frame.offset() + "): epoch " + checkpoint.epoch() + ", "
                    + Instant.ofEpochMilli(checkpoint.timeMs())
                    + (checkpoint.closing() ? ", " + Long.toUnsignedString(checkpoint.frameCount()) + " frames" : "")
                    + ", digest " + (matches ? "matches the frames before it" : "DOES NOT MATCH the frames before it"));
            if (!matches) {
                wellFormed = false;
            }
        } catch (FormatException e) {
            out.println("    checkpoint at frame " + frame.seq() + " (byte " + frame.offset() + "): malformed: "
                    + e.getMessage());
            wellFormed = false;
        }
    }

    private void tail(String where, ScanItem.Tail tail) {
        String kind = switch (tail.kind()) {
            case TORN -> "torn (a write cut short)";
            case ZERO_FILLED -> "zero-filled";
            case GARBAGE -> "NOT FRAMES (corrupt or not LSE)";
        };
        out.println(where + ": " + tail.length() + " byte(s) at byte " + tail.offset() + ", " + kind
                + (tail.followedBySegment() ? ", followed by a segment" : ""));
        if (tail.kind() == ScanItem.Tail.Kind.GARBAGE) {
            wellFormed = false;
        }
    }
}
