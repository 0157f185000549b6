package dev.logshield.tls.receiver;

import dev.logshield.tls.framing.relp.RelpFrame;
import dev.logshield.tls.receiver.frames.DropReason;
import dev.logshield.tls.receiver.frames.FrameObserver;
import dev.logshield.tls.receiver.frames.FrameReader;
import dev.logshield.tls.receiver.frames.FramingLostException;
import dev.logshield.tls.receiver.parse.EventParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Minimal frame readers and a minimal parser for the server's tests, standing in for the standard ones
 * ({@code frames.FrameReaders}, {@code frames.RelpCommandReader}, {@code parse.EventParsers}) until their branch is
 * merged: octet counting, newline and auto (by the first byte), the client's RELP commands, RFC 5424 and JSON
 * ({@link TestEventParser}). Strict and small, enough for well-behaved clients and for a few malformed frames.
 */
final class TestWireFormats implements WireFormats {

    static final TestWireFormats INSTANCE = new TestWireFormats();

    /** Makes these the receiver's standard wire formats. */
    static void install() {
        StandardWireFormats.install(INSTANCE);
    }

    @Override
    public FrameReader frameReader(String framing, InputStream in, int maxFrameSize, FrameObserver observer) {
        return new StreamReader(framing, new BufferedInputStream(in, 8192), maxFrameSize, observer);
    }

    @Override
    public RelpCommands relpCommands(InputStream in, int maxFrameSize, FrameObserver observer) {
        return new RelpReader(new BufferedInputStream(in, 8192), maxFrameSize, observer);
    }

    @Override
    public EventParser parser(String format) {
        return new TestEventParser(format);
    }

    private static final class StreamReader implements FrameReader {
        private final String framing;
        private final InputStream in;
        private final int max;
        private final FrameObserver observer;

        StreamReader(String framing, InputStream in, int max, FrameObserver observer) {
            this.framing = framing;
            this.in = in;
            this.max = max;
            this.observer = observer;
        }

        @Override
        public byte[] next() throws IOException {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return null;
                }
                if (first == '\n') {
                    continue;
                }
                observer.frameStarted();
                boolean octets = framing.equals("octet-counting") || framing.equals("auto") && first >= '1' && first <= '9';
                byte[] frame = octets ? octetFrame(first) : line(first);
                observer.frameEnded();
                if (frame != null) {
                    return frame;
                }
            }
        }

        private byte[] octetFrame(int first) throws IOException {
            long length = 0;
            int digits = 0;
            for (int b = first; b != ' '; b = in.read()) {
                if (b < '0' || b > '9' || ++digits > 9) {
                    throw new FramingLostException(DropReason.BAD_LENGTH, "byte " + b + " in a length");
                }
                length = length * 10 + (b - '0');
            }
            if (length > max) {
                long skipped = 0;
                for (long i = 0; i < length; i++) {
                    if (in.read() < 0) {
                        break;
                    }
                    skipped++;
                }
                observer.dropped(DropReason.OVERSIZE, skipped);
                return null;
            }
            byte[] frame = in.readNBytes((int) length);
            if (frame.length < length) {
                observer.dropped(DropReason.TRUNCATED, frame.length);
                return null;
            }
            return frame;
        }

        private byte[] line(int first) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long size = 0;
            for (int b = first; b != '\n'; b = in.read()) {
                if (b < 0) {
                    observer.dropped(DropReason.TRUNCATED, size);
                    return null;
                }
                if (++size <= max) {
                    line.write(b);
                }
            }
            if (size > max) {
                observer.dropped(DropReason.OVERSIZE, size);
                return null;
            }
            return line.toByteArray();
        }
    }

    private static final class RelpReader implements RelpCommands {
        private final InputStream in;
        private final int max;
        private final FrameObserver observer;

        RelpReader(InputStream in, int max, FrameObserver observer) {
            this.in = in;
            this.max = max;
            this.observer = observer;
        }

        @Override
        public RelpFrame next() throws IOException {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            observer.frameStarted();
            int txnr = (int) number(first, ' ');
            StringBuilder command = new StringBuilder();
            for (int b = in.read(); b != ' '; b = in.read()) {
                if (!(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') || command.length() == 32) {
                    throw lost("byte " + b + " in a command");
                }
                command.append((char) b);
            }
            int b = in.read();
            long length = 0;
            int digits = 0;
            for (; b >= '0' && b <= '9'; b = in.read()) {
                if (++digits > 9) {
                    throw lost("DATALEN over 9 digits");
                }
                length = length * 10 + (b - '0');
            }
            if (digits == 0 || length > max) {
                throw lost("DATALEN " + length + " (limit " + max + ")");
            }
            byte[] data = new byte[0];
            if (length > 0) {
                if (b != ' ') {
                    throw lost("no SP after DATALEN");
                }
                data = in.readNBytes((int) length);
                if (data.length < length) {
                    throw lost("truncated data");
                }
                b = in.read();
            }
            if (b != '\n') {
                throw lost("no LF trailer");
            }
            observer.frameEnded();
            return new RelpFrame(txnr, command.toString(), data);
        }

        private long number(int first, int end) throws IOException {
            long value = 0;
            int digits = 0;
            for (int b = first; b != end; b = in.read()) {
                if (b < '0' || b > '9' || ++digits > 9) {
                    throw lost("byte " + b + " in TXNR");
                }
                value = value * 10 + (b - '0');
            }
            return value;
        }

        private static FramingLostException lost(String detail) {
            return new FramingLostException(DropReason.RELP_PROTOCOL, detail);
        }
    }
}
