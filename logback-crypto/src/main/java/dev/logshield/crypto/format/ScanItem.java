package dev.logshield.crypto.format;

/** What {@link LseScanner} finds, in file order. */
public sealed interface ScanItem {

    /** A segment header: core and key block, at {@code offset}. */
    record SegmentStart(long offset, SegmentCore core, KeyBlock keyBlock) implements ScanItem {
    }

    /**
     * A structurally complete frame. {@code digestBefore} (SHA-256 of the core and all earlier frames of the
     * segment) is given for CHECKPOINT and FINAL frames, which state it; it is null for the others.
     */
    record Frame(long offset, long seq, FrameType type, byte[] body, byte[] digestBefore) implements ScanItem {

        /** Bytes this frame occupies in the file. */
        public long length() {
            return LseFormat.FRAME_HEADER_LENGTH + (long) body.length;
        }
    }

    /**
     * The end of a segment: the file ends, a new segment starts, or the frame structure breaks.
     *
     * @param endOffset  end of the last complete frame
     * @param frames     complete frames in the segment
     * @param digest     digest of the core and every complete frame: what a successor links to
     * @param tail       bytes after the last complete frame that are not a frame, or null
     */
    record SegmentEnd(long endOffset, long frames, byte[] digest, Tail tail) implements ScanItem {
    }

    /**
     * Bytes outside any segment: a file that does not start with a segment, or garbage between segments.
     *
     * @param unsupportedVersion the version byte when the bytes start with a segment core of a format version this
     *                           reader does not read (a newer writer's segment), else -1
     */
    record Stray(Tail tail, int unsupportedVersion) implements ScanItem {

        /** Stray bytes that are not a segment of an unsupported version. */
        public Stray(Tail tail) {
            this(tail, -1);
        }
    }

    /** The data ends inside a segment or a frame: a file still being written, or a crashed writer's tail. */
    record EndOfData(long offset, long pendingBytes) implements ScanItem {
    }

    /** Bytes that are not whole frames. */
    record Tail(long offset, long length, Kind kind, boolean followedBySegment) {

        /** How the bytes look. */
        public enum Kind {
            /** A frame or header whose declared length runs past the end (or into a restarted segment). */
            TORN,
            /**
             * Only zero bytes (in an open segment, possibly after a frame's intact length field): a file system
             * that extended the file before the data reached it.
             */
            ZERO_FILLED,
            /** Anything else: an invalid length or type, or bytes that are not LSE. */
            GARBAGE
        }
    }
}
