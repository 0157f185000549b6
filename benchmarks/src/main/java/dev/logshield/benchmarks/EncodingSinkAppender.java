package dev.logshield.benchmarks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/**
 * An appender that encodes every event with its encoder and keeps only the number of bytes: an appender's whole
 * path (Logback's {@code doAppend}: re-entry guard, started check, filters) plus the encoding, without I/O, so
 * that what benchmarks put in front of it is what they measure. Configured like any encoding appender:
 *
 * <pre>{@code
 * <appender name="SINK" class="dev.logshield.benchmarks.EncodingSinkAppender">
 *   <encoder class="ch.qos.logback.classic.encoder.PatternLayoutEncoder">
 *     <pattern>%d %-5level [%thread] %logger{36} - %msg%n</pattern>
 *   </encoder>
 * </appender>
 * }</pre>
 * While {@linkplain #recording recording} (setup checks only, never while timed), it also keeps the last event it was
 * handed and its encoded bytes. Not thread-safe: one benchmark thread.
 */
public final class EncodingSinkAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private Encoder<ILoggingEvent> encoder;
    private long events;
    private long bytes;
    private boolean recording;
    private ILoggingEvent lastEvent;
    private byte[] lastOutput;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("EncodingSinkAppender [" + name + "] has no <encoder>. Not started.");
            return;
        }
        if (!encoder.isStarted()) {
            addError("EncodingSinkAppender [" + name + "]: its encoder did not start. Not started.");
            return;
        }
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        if (encoder != null) {
            encoder.stop();
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] out = encoder.encode(event);
        events++;
        bytes += out.length;
        if (recording) {
            lastEvent = event;
            lastOutput = out;
        }
    }

    /** Starts keeping the last event and its bytes (forgetting the previous ones), or stops, keeping them. */
    void recording(boolean on) {
        recording = on;
        if (on) {
            lastEvent = null;
            lastOutput = null;
        }
    }

    /** The last event appended while recording, exactly as this appender was handed it; null when none. */
    ILoggingEvent lastEvent() {
        return lastEvent;
    }

    /** What the encoder made of {@link #lastEvent()}; null when none. */
    byte[] lastOutput() {
        return lastOutput;
    }

    /** Events encoded since start. */
    long events() {
        return events;
    }

    /** Bytes encoded since start. */
    long bytes() {
        return bytes;
    }
}
