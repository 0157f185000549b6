package dev.logshield.tls.framing.relp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One RELP frame, {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF}: a transaction number (0 to 999 999 999; 0 for
 * hints), a command of 1 to 32 ASCII letters, and data bytes (no {@code SP DATA} part when there are none).
 * Immutable.
 */
public final class RelpFrame {

    /** The largest transaction number; the next one after it is 1. */
    public static final int MAX_TXNR = 999_999_999;
    /** The longest command. */
    public static final int MAX_COMMAND_LENGTH = 32;

    private final int txnr;
    private final String command;
    private final byte[] data;

    /**
     * @throws IllegalArgumentException for a txnr outside 0-999 999 999 or a command that is not 1 to 32 letters
     */
    public RelpFrame(int txnr, String command, byte[] data) {
        this(txnr, command, data == null ? new byte[0] : data.clone(), true);
    }

    RelpFrame(int txnr, String command, byte[] ownedData, boolean validate) {
        if (validate) {
            checkTxnr(txnr);
            checkCommand(command);
        }
        this.txnr = txnr;
        this.command = command;
        this.data = ownedData;
    }

    /** The transaction number that follows {@code txnr}: {@code txnr + 1}, or 1 after 999 999 999. */
    public static int nextTxnr(int txnr) {
        return txnr >= MAX_TXNR ? 1 : txnr + 1;
    }

    public int txnr() {
        return txnr;
    }

    public String command() {
        return command;
    }

    /** A copy of the data. */
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    /** The data decoded as UTF-8. */
    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The number of bytes {@link #writeTo} writes. */
    public int encodedLength() {
        return RelpCommandEncoder.frameLength(txnr, command.length(), data.length);
    }

    public void writeTo(OutputStream out) throws IOException {
        RelpCommandEncoder.writeFrame(txnr, command, data, 0, data.length, out);
    }

    /** The frame's bytes. */
    public byte[] toBytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(encodedLength());
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void checkTxnr(int txnr) {
        if (txnr < 0 || txnr > MAX_TXNR) {
            throw new IllegalArgumentException("txnr " + txnr + " is outside 0.." + MAX_TXNR);
        }
    }

    static void checkCommand(String command) {
        if (command == null || command.isEmpty() || command.length() > MAX_COMMAND_LENGTH) {
            throw new IllegalArgumentException("a RELP command is 1 to 32 letters: '" + command + "'");
        }
        for (int i = 0; i < command.length(); i++) {
            if (!isLetter(command.charAt(i))) {
                throw new IllegalArgumentException("a RELP command is 1 to 32 letters: '" + command + "'");
            }
        }
    }

    static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RelpFrame)) {
            return false;
        }
        RelpFrame other = (RelpFrame) o;
        return txnr == other.txnr && command.equals(other.command) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return (txnr * 31 + command.hashCode()) * 31 + Arrays.hashCode(data);
    }

    /** The frame as text with LF shown as {@code \n}, data cut after 200 bytes: for logs and assertions. */
    @Override
    public String toString() {
        String text = new String(data, 0, Math.min(data.length, 200), StandardCharsets.UTF_8).replace("\n", "\\n");
        return txnr + " " + command + " " + data.length + (data.length > 0 ? " " + text : "")
                + (data.length > 200 ? "..." : "");
    }
}
