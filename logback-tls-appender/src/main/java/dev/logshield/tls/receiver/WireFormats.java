package dev.logshield.tls.receiver;

import dev.logshield.tls.framing.relp.RelpFrame;
import dev.logshield.tls.receiver.frames.FrameObserver;
import dev.logshield.tls.receiver.frames.FrameReader;
import dev.logshield.tls.receiver.parse.EventParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the server gets its frame readers and payload parsers (the {@code receiver.frames} and
 * {@code receiver.parse} packages): the server itself only moves bytes, frames and events between them. One
 * instance serves every connection; it must be thread-safe.
 */
interface WireFormats {

    /**
     * A reader cutting {@code in} into frames by {@code framing} ({@code auto}, {@code octet-counting} or
     * {@code newline}), never buffering more than {@code maxFrameSize} bytes of a frame.
     */
    FrameReader frameReader(String framing, InputStream in, int maxFrameSize, FrameObserver observer);

    /** A reader of the RELP commands a client sends on {@code in}, data at most {@code maxFrameSize} bytes. */
    RelpCommands relpCommands(InputStream in, int maxFrameSize, FrameObserver observer);

    /**
     * The parser of {@code format} ({@code auto}, {@code syslog} or {@code json}).
     *
     * @throws IllegalArgumentException for an unknown format
     */
    EventParser parser(String format);

    /** The client's side of a RELP session, one command at a time. */
    interface RelpCommands {

        /**
         * The next command, or {@code null} when the client closed the connection between commands.
         *
         * @throws dev.logshield.tls.receiver.frames.FramingLostException when the stream breaks the protocol
         */
        RelpFrame next() throws IOException;
    }
}
