package dev.logshield.tls.receiver.frames;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The frame readers by the name the receiver's {@code <framing>} takes:
 * <pre>{@code
 * <framing>auto</framing>            <!-- default: octet-counted or a line, decided per frame (as rsyslog imtcp) -->
 * <framing>octet-counting</framing>  <!-- RFC 5425 / RFC 6587 MSG-LEN SP MSG only -->
 * <framing>newline</framing>         <!-- one frame per LF-terminated line only -->
 * <maxFrameSize>65536</maxFrameSize> <!-- longer frames are skipped without being buffered, and counted -->
 * }</pre>
 * RELP has its own command reader, {@link RelpCommandReader}.
 *
 * <p>Every reader reads through one 8 KiB buffer, one {@code read} of what is available at a time, and tells its
 * {@link FrameObserver} when each frame starts and ends (returned or dropped). After a {@link FramingLostException}
 * the open frame is never ended and every further call throws again: the connection is to be closed.
 */
public final class FrameReaders {

    public static final String OCTET_COUNTING = "octet-counting";
    public static final String NEWLINE = "newline";
    public static final String AUTO = "auto";

    private static final List<String> NAMES = List.of(AUTO, OCTET_COUNTING, NEWLINE);

    private FrameReaders() {
    }

    /** The accepted {@code framing} names: auto, octet-counting, newline. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * A reader of {@code in} cut as {@code framing} says (case-insensitive, surrounding spaces ignored).
     *
     * @param maxFrameSize the longest payload returned, 1 to {@value #MAX_FRAME_SIZE_LIMIT}; longer frames are dropped as
     *                     {@link DropReason#OVERSIZE}
     * @param observer     told of frame boundaries and drops; {@code null} for {@link FrameObserver#NONE}
     * @throws IllegalArgumentException for an unknown framing (the message names the accepted ones), a null stream
     *                                  or a {@code maxFrameSize} outside 1 to
     *                                  {@value #MAX_FRAME_SIZE_LIMIT}
     */
    public static FrameReader create(String framing, InputStream in, int maxFrameSize, FrameObserver observer) {
        String name = framing == null ? "" : framing.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case AUTO:
                return new AutoFrameReader(in, maxFrameSize, observer);
            case OCTET_COUNTING:
                return new OctetCountingFrameReader(in, maxFrameSize, observer);
            case NEWLINE:
                return new NewlineFrameReader(in, maxFrameSize, observer);
            default:
                throw new IllegalArgumentException("unknown framing '" + framing + "'; use one of "
                        + String.join(", ", NAMES));
        }
    }

    /** The largest {@code maxFrameSize}: 999 999 999, the largest 9-digit MSG-LEN (and RELP DATALEN). */
    public static final int MAX_FRAME_SIZE_LIMIT = 999_999_999;

    static int checkMaxFrameSize(int maxFrameSize) {
        if (maxFrameSize < 1 || maxFrameSize > MAX_FRAME_SIZE_LIMIT) {
            throw new IllegalArgumentException("maxFrameSize must be 1 to " + MAX_FRAME_SIZE_LIMIT + ", not "
                    + maxFrameSize);
        }
        return maxFrameSize;
    }

    /** What a reader throws when called again after it lost the framing: the same reason, never a frame. */
    static FramingLostException stillLost(FramingLostException lost) {
        FramingLostException again = new FramingLostException(lost.reason(),
                "framing was already lost (" + lost.getMessage() + "); close the connection");
        again.initCause(lost);
        return again;
    }
}
