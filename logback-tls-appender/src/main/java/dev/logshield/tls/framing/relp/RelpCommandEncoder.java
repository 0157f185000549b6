package dev.logshield.tls.framing.relp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the client's RELP commands, {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF}:
 * <pre>
 * 1 open 58 relp_version=0\nrelp_software=logshield,0.1\ncommands=syslog\n
 * 2 syslog 20 &lt;14&gt;1 - h a - - - hi\n
 * 3 close 0\n
 * </pre>
 * {@code syslog} frames are written straight from the encoded event into the stream, without allocating; one
 * trailing LF or CR LF of the event (line-oriented encoders add one) is left out, as librelp's own client sends
 * messages without one. An event longer than {@link #maxDataLength()} (default 128 KiB, librelp's and imrelp's
 * default limit, beyond which the server drops the session) is refused: check {@link #fits} first. Immutable and
 * thread-safe; the caller assigns transaction numbers (see {@link RelpWindow}).
 */
public final class RelpCommandEncoder {

    /** 128 KiB, librelp's default maximum DATALEN. */
    public static final int DEFAULT_MAX_DATA_LENGTH = 128 * 1024;
    /** The {@code relp_software} offer: name and version (librelp also accepts an information URL third). */
    public static final String DEFAULT_SOFTWARE = "logshield,0.1";

    private static final byte[] OPEN = {'o', 'p', 'e', 'n'};
    private static final byte[] SYSLOG = {'s', 'y', 's', 'l', 'o', 'g'};
    private static final byte[] CLOSE = {'c', 'l', 'o', 's', 'e'};
    private static final byte[] NO_DATA = new byte[0];

    private final int maxDataLength;
    private final byte[] offers;

    /** 128 KiB messages, {@code relp_software=logshield,0.1}. */
    public RelpCommandEncoder() {
        this(DEFAULT_MAX_DATA_LENGTH, DEFAULT_SOFTWARE);
    }

    /**
     * @param maxDataLength the largest DATALEN to send, 1 to 999 999 999 (match the server's {@code maxDataSize})
     * @param software      the {@code relp_software} offer: comma-separated name, version and optionally a URL, in
     *                      printable ASCII
     */
    public RelpCommandEncoder(int maxDataLength, String software) {
        if (maxDataLength < 1 || maxDataLength > RelpFrame.MAX_TXNR) {
            throw new IllegalArgumentException("maxDataLength " + maxDataLength + " is outside 1..999999999");
        }
        if (software == null || software.isEmpty() || !software.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("relp_software must be printable ASCII without spaces: '" + software + "'");
        }
        this.maxDataLength = maxDataLength;
        this.offers = RelpOffers.clientOffers(software).getBytes(StandardCharsets.US_ASCII);
    }

    public int maxDataLength() {
        return maxDataLength;
    }

    /** The {@code open} command offering {@code relp_version=0}, this {@code relp_software} and {@code commands=syslog}. */
    public RelpFrame open(int txnr) {
        RelpFrame.checkTxnr(txnr);
        return new RelpFrame(txnr, "open", offers.clone(), false);
    }

    /** Writes {@link #open}; returns the bytes written. */
    public int writeOpen(int txnr, OutputStream out) throws IOException {
        checkCommandTxnr(txnr);
        return writeFrame(txnr, OPEN, offers, 0, offers.length, out);
    }

    /** Writes {@code TXNR close 0 LF}; returns the bytes written. */
    public int writeClose(int txnr, OutputStream out) throws IOException {
        checkCommandTxnr(txnr);
        return writeFrame(txnr, CLOSE, NO_DATA, 0, 0, out);
    }

    /** Whether the message, without one trailing LF or CR LF, is within {@link #maxDataLength()}. */
    public boolean fits(byte[] message, int offset, int length) {
        checkRange(message, offset, length);
        return strippedLength(message, offset, length) <= maxDataLength;
    }

    /** The number of bytes {@link #writeSyslog} writes. */
    public int syslogFrameLength(int txnr, byte[] message, int offset, int length) {
        checkCommandTxnr(txnr);
        checkRange(message, offset, length);
        return frameLength(txnr, SYSLOG.length, strippedLength(message, offset, length));
    }

    /**
     * Writes {@code TXNR syslog DATALEN SP MESSAGE LF} (no {@code SP MESSAGE} for an empty message).
     *
     * @return the bytes written
     * @throws IllegalArgumentException when the message does not {@link #fits fit}, or txnr is outside 1..999 999 999
     */
    public int writeSyslog(int txnr, byte[] message, int offset, int length, OutputStream out) throws IOException {
        checkCommandTxnr(txnr);
        checkRange(message, offset, length);
        int n = strippedLength(message, offset, length);
        if (n > maxDataLength) {
            throw new IllegalArgumentException("a " + n + "-byte syslog message exceeds the RELP maximum of "
                    + maxDataLength + " bytes; check fits() before sending");
        }
        return writeFrame(txnr, SYSLOG, message, offset, n, out);
    }

    private static void checkCommandTxnr(int txnr) {
        if (txnr < 1 || txnr > RelpFrame.MAX_TXNR) {
            throw new IllegalArgumentException("a command's txnr is 1.." + RelpFrame.MAX_TXNR + ", not " + txnr);
        }
    }

    private static void checkRange(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " outside an array of "
                    + bytes.length);
        }
    }

    private static int strippedLength(byte[] bytes, int offset, int length) {
        if (length > 0 && bytes[offset + length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[offset + length - 1] == '\r') {
                length--;
            }
        }
        return length;
    }

    static int frameLength(int txnr, int commandLength, int dataLength) {
        return digits(txnr) + 1 + commandLength + 1 + digits(dataLength) + (dataLength > 0 ? 1 + dataLength : 0) + 1;
    }

    static int writeFrame(int txnr, String command, byte[] data, int offset, int length, OutputStream out)
            throws IOException {
        return writeFrame(txnr, command.getBytes(StandardCharsets.US_ASCII), data, offset, length, out);
    }

    private static int writeFrame(int txnr, byte[] command, byte[] data, int offset, int length, OutputStream out)
            throws IOException {
        writeNumber(txnr, out);
        out.write(' ');
        out.write(command);
        out.write(' ');
        writeNumber(length, out);
        if (length > 0) {
            out.write(' ');
            out.write(data, offset, length);
        }
        out.write('\n');
        return frameLength(txnr, command.length, length);
    }

    private static int digits(int value) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        return digits;
    }

    private static void writeNumber(int value, OutputStream out) throws IOException {
        int unit = 1;
        while (value / unit >= 10) {
            unit *= 10;
        }
        for (; unit > 0; unit /= 10) {
            out.write('0' + value / unit % 10);
        }
    }
}
