package dev.logshield.tls.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * One RELP command as a client sends it, {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF}, read by scripted RELP
 * collectors ({@link ScriptedPeer}); written from the RELP spec, not from the client code under test.
 */
public final class RelpCommand {

    private final int txnr;
    private final String command;
    private final byte[] data;

    private RelpCommand(int txnr, String command, byte[] data) {
        this.txnr = txnr;
        this.command = command;
        this.data = data;
    }

    /**
     * Reads the next command.
     *
     * @throws EOFException when the client closed the connection
     */
    public static RelpCommand read(InputStream in) throws IOException {
        int txnr = Integer.parseInt(token(in));
        String command = token(in);
        ByteArrayOutputStream length = new ByteArrayOutputStream();
        int b;
        while ((b = next(in)) != ' ' && b != '\n') {
            length.write(b);
        }
        int n = Integer.parseInt(length.toString(US_ASCII));
        byte[] data = n == 0 ? new byte[0] : in.readNBytes(n);
        if (n > 0 && next(in) != '\n') {
            throw new IOException("no LF after the data of " + command);
        }
        return new RelpCommand(txnr, command, data);
    }

    public int txnr() {
        return txnr;
    }

    public String command() {
        return command;
    }

    public byte[] data() {
        return data.clone();
    }

    /** The answer {@code <txnr> rsp <len> <text>} to this command, e.g. {@code answer("200 OK")}. */
    public byte[] answer(String text) {
        return (txnr + " rsp " + text.getBytes(US_ASCII).length + " " + text + "\n").getBytes(US_ASCII);
    }

    private static String token(InputStream in) throws IOException {
        StringBuilder token = new StringBuilder();
        for (int b = next(in); b != ' '; b = next(in)) {
            token.append((char) b);
        }
        return token.toString();
    }

    private static int next(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }
}
