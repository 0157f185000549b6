package dev.logshield.tls.receiver.frames;

import dev.logshield.tls.framing.relp.RelpFrame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server side of RELP framing: reads the commands a client sends, {@code TXNR SP COMMAND SP DATALEN [SP DATA]
 * LF}, as {@link RelpFrame}s ({@code open}, {@code syslog}, {@code close}, or any other command: the session
 * decides what it accepts).
 * <ul>
 * <li>TXNR: 1 to 999 999 999, without leading zeros (0 is for server hints, never a client command).</li>
 * <li>COMMAND: 1 to 32 ASCII letters.</li>
 * <li>DATALEN: 0, or up to 9 digits without leading zeros, at most {@code maxDataLength}; refused as soon as its
 * digits exceed the limit, so nothing over the limit is ever allocated. {@code SP DATA} follows a DATALEN over 0,
 * the LF trailer follows the data, or directly a DATALEN of 0.</li>
 * </ul>
 * Any other byte is a {@link FramingLostException} with {@link DropReason#RELP_PROTOCOL} naming the byte and its
 * offset: RELP cannot resynchronise, the connection must be closed (the client then resends what is
 * unacknowledged). The stream ending inside a frame is reported as {@link DropReason#TRUNCATED} and ends the
 * reading like a clean end. The observer hears of frame boundaries as with any {@link FrameReader}.
 *
 * <p>Memory: the data is read into an array of exactly DATALEN bytes, which {@link RelpFrame}'s public constructor
 * copies once; so for an instant a frame is held twice, besides the 8 KiB read buffer. While the data waits for the
 * rest of its bytes, its length is announced to the {@link FrameObserver#holding observer}.
 *
 * <p>Not thread-safe: one reader per connection. Used by the receiver on its RELP connections (with the RELP
 * framing the receiver is configured with), together with {@link RelpServerResponses} for the answers.
 */
public final class RelpCommandReader {

    private static final int MAX_DIGITS = 9;

    private final ByteSource source;
    private final int maxDataLength;
    private final FrameObserver observer;
    private final byte[] command = new byte[RelpFrame.MAX_COMMAND_LENGTH];
    private FramingLostException lost;

    /**
     * @param maxDataLength the largest DATALEN accepted, 1 to 999 999 999 (librelp's default is 128 KiB)
     * @param observer      told of frame boundaries and truncation; {@code null} for {@link FrameObserver#NONE}
     */
    public RelpCommandReader(InputStream in, int maxDataLength, FrameObserver observer) {
        this.source = new ByteSource(in);
        this.maxDataLength = FrameReaders.checkMaxFrameSize(maxDataLength);
        this.observer = observer == null ? FrameObserver.NONE : observer;
    }

    /**
     * The next command.
     *
     * @return the command frame, or {@code null} when the stream ended (cleanly between frames, or inside one,
     *         which is reported as truncated)
     * @throws FramingLostException for anything that is not a RELP command frame within the limits
     * @throws IOException          what the stream throws
     */
    public RelpFrame next() throws IOException {
        if (lost != null) {
            throw FrameReaders.stillLost(lost);
        }
        if (source.peek() < 0) {
            return null;
        }
        try {
            return readFrame();
        } catch (FramingLostException e) {
            lost = e;
            throw e;
        }
    }

    private RelpFrame readFrame() throws IOException {
        long start = source.position();
        observer.frameStarted();

        int txnr = 0;
        int digits = 0;
        long offset = source.position();
        int b = source.read();
        while (isDigit(b)) {
            if (digits == 0 && b == '0') {
                throw error(offset, b, "TXNR is 1 to 999999999 without leading zeros");
            }
            if (digits == MAX_DIGITS) {
                throw error(offset, b, "TXNR has more than " + MAX_DIGITS + " digits");
            }
            txnr = txnr * 10 + (b - '0');
            digits++;
            offset = source.position();
            b = source.read();
        }
        if (b < 0) {
            return truncated(start);
        }
        if (digits == 0 || b != ' ') {
            throw error(offset, b, digits == 0 ? "a frame must start with its TXNR" : "expected the SP after TXNR");
        }

        int commandLength = 0;
        offset = source.position();
        b = source.read();
        while (isLetter(b)) {
            if (commandLength == command.length) {
                throw error(offset, b, "COMMAND is at most " + command.length + " letters");
            }
            command[commandLength++] = (byte) b;
            offset = source.position();
            b = source.read();
        }
        if (b < 0) {
            return truncated(start);
        }
        if (commandLength == 0 || b != ' ') {
            throw error(offset, b, commandLength == 0 ? "expected COMMAND (1 to 32 letters)"
                    : "expected a letter or the SP after COMMAND");
        }

        int dataLength = 0;
        digits = 0;
        offset = source.position();
        b = source.read();
        while (isDigit(b)) {
            if (digits > 0 && dataLength == 0) {
                throw error(offset, b, "DATALEN has a leading zero");
            }
            if (digits == MAX_DIGITS) {
                throw error(offset, b, "DATALEN has more than " + MAX_DIGITS + " digits");
            }
            dataLength = dataLength * 10 + (b - '0');
            digits++;
            if (dataLength > maxDataLength) {
                throw error(offset, b, "DATALEN exceeds the limit of " + maxDataLength + " bytes (digits so far: "
                        + dataLength + ")");
            }
            offset = source.position();
            b = source.read();
        }
        if (b < 0) {
            return truncated(start);
        }
        if (digits == 0) {
            throw error(offset, b, "expected DATALEN");
        }
        byte[] data = new byte[dataLength];
        if (dataLength == 0) {
            if (b != '\n') {
                throw error(offset, b, "expected the LF trailer after a DATALEN of 0");
            }
        } else {
            if (b != ' ') {
                throw error(offset, b, "expected the SP between DATALEN and DATA");
            }
            boolean waits = source.end() - source.start() <= dataLength; // the data and its LF are not all here
            if (waits) {
                observer.holding(dataLength);
            }
            try {
                if (source.readFully(data, 0, dataLength) < dataLength) {
                    return truncated(start);
                }
                offset = source.position();
                b = source.read();
                if (b < 0) {
                    return truncated(start);
                }
                if (b != '\n') {
                    throw error(offset, b, "expected the LF trailer after " + dataLength + " bytes of DATA");
                }
            } finally {
                if (waits) {
                    observer.holding(-dataLength);
                }
            }
        }
        observer.frameEnded();
        return new RelpFrame(txnr, new String(command, 0, commandLength, StandardCharsets.US_ASCII), data);
    }

    private RelpFrame truncated(long start) {
        observer.dropped(DropReason.TRUNCATED, source.position() - start);
        observer.frameEnded();
        return null;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isLetter(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static FramingLostException error(long offset, int b, String what) {
        return new FramingLostException(DropReason.RELP_PROTOCOL,
                what + ": got " + ByteSource.describe(b) + " at byte offset " + offset);
    }
}
