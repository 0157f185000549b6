package dev.logshield.tls.framing.relp;

import java.nio.charset.StandardCharsets;

/**
 * A server's {@code rsp} frame: the txnr of the command it answers, a three-digit status ({@code 200} OK, anything
 * else an error, librelp sends {@code 500}), a human-readable message, and after the first LF the command's
 * response data (the server's offers for {@code open}):
 * <pre>
 * 2 rsp 6 200 OK\n
 * 1 rsp 44 500 required command not supported by client\n
 * </pre>
 * librelp answers {@code close} with an {@code rsp} without any data ({@code 3 rsp 0\n}): such a response has no
 * status ({@link #hasStatus()} false, {@link #code()} {@value #NO_STATUS}) and is not {@link #isOk() OK}.
 * Immutable.
 */
public final class RelpResponse {

    /** The status of success. */
    public static final int OK = 200;
    /** The {@link #code()} of a response without data. */
    public static final int NO_STATUS = 0;

    private final int txnr;
    private final int code;
    private final String message;
    private final String data;

    private RelpResponse(int txnr, int code, String message, String data) {
        this.txnr = txnr;
        this.code = code;
        this.message = message;
        this.data = data;
    }

    /**
     * Parses the data of an {@code rsp} frame: {@code STATUS SP HUMAN-TEXT [LF CMDDATA]}, STATUS three digits.
     *
     * @throws RelpProtocolException when the data does not start with three digits and a space
     */
    static RelpResponse parse(int txnr, byte[] data) throws RelpProtocolException {
        if (data.length == 0) {
            return new RelpResponse(txnr, NO_STATUS, "", "");
        }
        if (data.length < 4 || !isDigit(data[0]) || !isDigit(data[1]) || !isDigit(data[2]) || data[3] != ' ') {
            throw new RelpProtocolException("the rsp for txnr " + txnr + " does not start with a three-digit status "
                    + "and a space: '" + RelpResponseParser.printable(data, 0, Math.min(data.length, 40)) + "'");
        }
        int code = (data[0] - '0') * 100 + (data[1] - '0') * 10 + (data[2] - '0');
        int lf = 4;
        while (lf < data.length && data[lf] != '\n') {
            lf++;
        }
        String message = new String(data, 4, lf - 4, StandardCharsets.UTF_8);
        String rest = lf < data.length ? new String(data, lf + 1, data.length - lf - 1, StandardCharsets.UTF_8) : "";
        return new RelpResponse(txnr, code, message, rest);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The txnr of the command answered. */
    public int txnr() {
        return txnr;
    }

    /** The three-digit status, or {@value #NO_STATUS} for a response without data. */
    public int code() {
        return code;
    }

    /** True for status 200 only. */
    public boolean isOk() {
        return code == OK;
    }

    /** False for the data-less response librelp gives to {@code close}. */
    public boolean hasStatus() {
        return code != NO_STATUS;
    }

    /** The human-readable text after the status, e.g. {@code OK}. */
    public String message() {
        return message;
    }

    /** The response data after the first LF (the server's offers in the answer to {@code open}), or empty. */
    public String data() {
        return data;
    }

    @Override
    public String toString() {
        return "rsp " + txnr + " " + (hasStatus() ? code + " " + message : "(no status)")
                + (data.isEmpty() ? "" : " + " + data.replace("\n", "\\n"));
    }
}
