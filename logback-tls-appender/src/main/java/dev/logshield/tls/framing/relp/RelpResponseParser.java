package dev.logshield.tls.framing.relp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the server's side of a RELP session incrementally: feed it the bytes of each socket read as they come,
 * whatever their boundaries (half a frame, several frames, a frame split inside its digits), and it calls the
 * {@link RelpResponseHandler} once per complete frame, in order: {@code rsp} frames (txnr 1 to 999 999 999) as
 * {@link RelpResponse}s, {@code serverclose} and other hints on txnr 0.
 *
 * <p>Fails closed: anything else is a {@link RelpProtocolException} naming the offending byte and its position in
 * the stream: a frame not starting with a TXNR, numbers over 9 digits, a command that is not 1 to 32 letters, a
 * missing SP or LF trailer, an {@code rsp} without a three-digit status, an {@code rsp} on txnr 0, a command on
 * txnr 1 or more (a server only answers), and a DATALEN over the limit (default 128 KiB, librelp's): that one is
 * refused as soon as its digits exceed it, so the parser never buffers more than the limit. Frames completed
 * before the error in the same read have been handed over. After any exception the parser refuses further input:
 * close the connection.
 *
 * <p>Not thread-safe: one parser per connection, fed by its reader thread.
 */
public final class RelpResponseParser {

    private static final int MAX_DIGITS = 9;

    private enum State { TXNR, COMMAND, DATALEN, DATA, TRAILER }

    private final int maxDataLength;

    private State state = State.TXNR;
    private boolean failed;
    private long position;
    private int txnr;
    private int digits;
    private final byte[] command = new byte[RelpFrame.MAX_COMMAND_LENGTH];
    private int commandLength;
    private int dataLength;
    private byte[] data;
    private int dataFilled;

    /** A parser accepting DATALEN up to 128 KiB. */
    public RelpResponseParser() {
        this(RelpCommandEncoder.DEFAULT_MAX_DATA_LENGTH);
    }

    /** A parser accepting DATALEN up to {@code maxDataLength} (1 to 999 999 999). */
    public RelpResponseParser(int maxDataLength) {
        if (maxDataLength < 1 || maxDataLength > RelpFrame.MAX_TXNR) {
            throw new IllegalArgumentException("maxDataLength " + maxDataLength + " is outside 1..999999999");
        }
        this.maxDataLength = maxDataLength;
    }

    /**
     * Parses {@code bytes[offset, offset + length)}, handing every frame completed to {@code handler}.
     *
     * @throws RelpProtocolException on anything that is not RELP from a server
     * @throws IOException           whatever the handler throws
     * @throws IllegalStateException when an earlier feed failed
     */
    public void feed(byte[] bytes, int offset, int length, RelpResponseHandler handler) throws IOException {
        if (failed) {
            throw new IllegalStateException("this RELP session already failed; close the connection");
        }
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length);
        }
        try {
            int i = offset;
            int end = offset + length;
            while (i < end) {
                if (state == State.DATA) {
                    int n = Math.min(end - i, dataLength - dataFilled);
                    System.arraycopy(bytes, i, data, dataFilled, n);
                    dataFilled += n;
                    i += n;
                    position += n;
                    if (dataFilled == dataLength) {
                        state = State.TRAILER;
                    }
                } else {
                    step(bytes[i++], handler);
                    position++;
                }
            }
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** True while part of a frame has been read: an end of stream now cuts a response short. */
    public boolean hasPartialFrame() {
        return state != State.TXNR || digits > 0;
    }

    private void step(byte b, RelpResponseHandler handler) throws IOException {
        switch (state) {
            case TXNR:
                if (isDigit(b)) {
                    txnr = addDigit(txnr, b, "TXNR");
                } else if (b == ' ' && digits > 0) {
                    state = State.COMMAND;
                    digits = 0;
                } else {
                    throw unexpected(b, digits == 0 ? "a frame must start with its TXNR" : "TXNR");
                }
                break;
            case COMMAND:
                if (RelpFrame.isLetter(b)) {
                    if (commandLength == RelpFrame.MAX_COMMAND_LENGTH) {
                        throw error("a command is at most " + RelpFrame.MAX_COMMAND_LENGTH + " letters");
                    }
                    command[commandLength++] = b;
                } else if (b == ' ' && commandLength > 0) {
                    state = State.DATALEN;
                } else {
                    throw unexpected(b, "COMMAND (1 to 32 letters)");
                }
                break;
            case DATALEN:
                if (isDigit(b)) {
                    dataLength = addDigit(dataLength, b, "DATALEN");
                    if (dataLength > maxDataLength) {
                        throw error("DATALEN exceeds the limit of " + maxDataLength + " bytes (digits so far: "
                                + dataLength + ")");
                    }
                } else if (b == ' ' && digits > 0 && dataLength > 0) {
                    data = new byte[dataLength];
                    dataFilled = 0;
                    state = State.DATA;
                } else if (b == '\n' && digits > 0 && dataLength == 0) {
                    data = new byte[0];
                    complete(handler);
                } else {
                    throw unexpected(b, "DATALEN (SP and data must follow a DATALEN over 0, LF a DATALEN of 0)");
                }
                break;
            case TRAILER:
                if (b != '\n') {
                    throw unexpected(b, "the LF trailer after " + dataLength + " bytes of data");
                }
                complete(handler);
                break;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    private int addDigit(int value, byte b, String field) throws RelpProtocolException {
        if (digits == MAX_DIGITS) {
            throw error(field + " has more than " + MAX_DIGITS + " digits");
        }
        digits++;
        return value * 10 + (b - '0');
    }

    private void complete(RelpResponseHandler handler) throws IOException {
        int frameTxnr = txnr;
        String frameCommand = new String(command, 0, commandLength, StandardCharsets.US_ASCII);
        byte[] frameData = data;
        state = State.TXNR;
        txnr = 0;
        digits = 0;
        commandLength = 0;
        dataLength = 0;
        data = null;
        if (frameTxnr == 0) {
            if (frameCommand.equals("serverclose")) {
                handler.onServerClose();
            } else if (frameCommand.equals("rsp")) {
                throw error("an rsp must carry the txnr of the command it answers, not 0");
            } else {
                handler.onHint(new RelpFrame(0, frameCommand, frameData, false));
            }
        } else if (frameCommand.equals("rsp")) {
            RelpResponse response;
            try {
                response = RelpResponse.parse(frameTxnr, frameData);
            } catch (RelpProtocolException e) {
                throw error(e.getMessage());
            }
            handler.onResponse(response);
        } else {
            throw error("a RELP server sends only rsp frames and hints on txnr 0, not '" + frameCommand
                    + "' on txnr " + frameTxnr);
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private RelpProtocolException unexpected(byte b, String where) {
        return error("unexpected " + describe(b) + " in " + where);
    }

    private RelpProtocolException error(String what) {
        return new RelpProtocolException("RELP protocol error at byte " + position + " of the server's stream: "
                + what);
    }

    private static String describe(byte b) {
        int c = b & 0xFF;
        String hex = String.format("0x%02X", c);
        return c >= 32 && c < 127 ? "'" + (char) c + "' (" + hex + ")" : hex;
    }

    /** {@code bytes} as ASCII with everything else shown as {@code \xNN}: for error messages. */
    static String printable(byte[] bytes, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            int c = bytes[i] & 0xFF;
            if (c >= 32 && c < 127) {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02X", c));
            }
        }
        return sb.toString();
    }
}
