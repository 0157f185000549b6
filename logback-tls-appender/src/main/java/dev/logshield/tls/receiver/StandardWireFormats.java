package dev.logshield.tls.receiver;

import dev.logshield.tls.receiver.frames.FrameObserver;
import dev.logshield.tls.receiver.frames.FrameReader;
import dev.logshield.tls.receiver.frames.FrameReaders;
import dev.logshield.tls.receiver.frames.RelpCommandReader;
import dev.logshield.tls.receiver.parse.EventParser;
import dev.logshield.tls.receiver.parse.EventParsers;
import java.io.InputStream;

/**
 * The frame readers and payload parsers {@link MtlsReceiver} uses: {@link FrameReaders} for the stream framings,
 * {@link RelpCommandReader} for RELP, {@link EventParsers} for the formats. Stateless.
 */
final class StandardWireFormats implements WireFormats {

    static final WireFormats INSTANCE = new StandardWireFormats();

    private StandardWireFormats() {
    }

    @Override
    public FrameReader frameReader(String framing, InputStream in, int maxFrameSize, FrameObserver observer) {
        return FrameReaders.create(framing, in, maxFrameSize, observer);
    }

    @Override
    public RelpCommands relpCommands(InputStream in, int maxFrameSize, FrameObserver observer) {
        return new RelpCommandReader(in, maxFrameSize, observer)::next;
    }

    @Override
    public EventParser parser(String format) {
        return EventParsers.create(format);
    }
}
