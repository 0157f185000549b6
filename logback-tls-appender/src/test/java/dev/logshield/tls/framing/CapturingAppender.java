package dev.logshield.tls.framing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A test appender configured from XML like any other: keeps what its {@code <encoder>} makes of each event. */
public class CapturingAppender extends AppenderBase<ILoggingEvent> {

    private Encoder<ILoggingEvent> encoder;
    private final List<byte[]> records = new ArrayList<>();

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder");
            return;
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] bytes = encoder.encode(event);
        synchronized (records) {
            records.add(bytes);
        }
    }

    public List<byte[]> records() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }

    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (byte[] r : records()) {
            out.add(new String(r, StandardCharsets.UTF_8));
        }
        return out;
    }
}
