package dev.logshield.benchmarks;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import dev.logshield.redact.logback.RedactingPatternLayoutEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.logshield.redact.json.RedactingJsonEncoder;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One log event encoded to bytes, by Logback's plain {@code PatternLayoutEncoder} (the baseline), LogShield's
 * {@link RedactingPatternLayoutEncoder}, Logback's {@code %replace} with the regular expressions a user would
 * write, and logstash-logback-encoder's {@code LogstashEncoder} with and without its masking decorator.
 *
 * <p>Each operation builds a new event from the same template, with an MDC, and encodes it (see {@link EventFactory}
 * for why); {@link #newEventOnly} measures that common part alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EncoderBenchmark {

    /** An encoder, started on a fresh context, checked on the message it will be timed on. */
    @State(Scope.Benchmark)
    public abstract static class EncoderState {

        @Param({"clean", "oneSecret", "twoSecrets"})
        public String kind;

        /** What every event's MDC holds ({@link EventFactory.Mdc}); {@code -p mdc=none} gives the events of older runs. */
        @Param({"three"})
        public String mdc;

        EventFactory events;
        Encoder<ILoggingEvent> encoder;

        @Setup(Level.Trial)
        public void setUp() {
            events = new EventFactory(MessageKind.of(kind), EventFactory.Mdc.of(mdc));
            encoder = create(events);
            encoder.setContext(events.context());
            encoder.start();
            if (!encoder.isStarted()) {
                throw new IllegalStateException(getClass().getSimpleName() + ": encoder did not start");
            }
            events.requireNoErrors(getClass().getSimpleName());
            LoggingEvent event = events.newEvent();
            events.requireMdc(getClass().getSimpleName(), event);
            String output = new String(encoder.encode(event), StandardCharsets.UTF_8);
            check(output, events.kind(), events.formattedMessage());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            encoder.stop();
            events.stop();
        }

        /** A configured, unstarted encoder. */
        abstract Encoder<ILoggingEvent> create(EventFactory events);

        /** Throws unless {@code output} is what this component must print for {@code message}. */
        abstract void check(String output, MessageKind kind, String message);
    }

    public static class PlainState extends EncoderState {
        @Override
        Encoder<ILoggingEvent> create(EventFactory events) {
            PatternLayoutEncoder e = new PatternLayoutEncoder();
            e.setPattern(EventFactory.PATTERN);
            return e;
        }

        @Override
        void check(String output, MessageKind kind, String message) {
            SetupChecks.requireVerbatim("plainPatternLayoutEncoder", output, message); // the baseline hides nothing
        }
    }

    public static class RedactingState extends EncoderState {
        @Override
        Encoder<ILoggingEvent> create(EventFactory events) {
            RedactingPatternLayoutEncoder e = new RedactingPatternLayoutEncoder();
            e.setPattern(EventFactory.PATTERN);
            return e;
        }

        @Override
        void check(String output, MessageKind kind, String message) {
            SetupChecks.require("redactingPatternLayoutEncoder", output, kind, message, kind.redactionLabels());
        }
    }

    public static class ReplaceState extends EncoderState {
        @Override
        Encoder<ILoggingEvent> create(EventFactory events) {
            PatternLayoutEncoder e = new PatternLayoutEncoder();
            e.setPattern(EventFactory.PATTERN.replace("%msg", "%replace(%msg){'" + MessageKind.USER_ALTERNATION + "', '***'}"));
            return e;
        }

        @Override
        void check(String output, MessageKind kind, String message) {
            SetupChecks.require("logbackReplace", output, kind, message, List.of("***"));
        }
    }

    public static class LogstashState extends EncoderState {
        @Override
        Encoder<ILoggingEvent> create(EventFactory events) {
            return new LogstashEncoder();
        }

        @Override
        void check(String output, MessageKind kind, String message) {
            SetupChecks.requireVerbatim("logstashEncoder", output, message);
            SetupChecks.requireJsonMdc("logstashEncoder", output, events.mdc().entries());
        }
    }

    public static class RedactingJsonState extends EncoderState {
        @Override
        Encoder<ILoggingEvent> create(EventFactory events) {
            return new RedactingJsonEncoder();
        }

        @Override
        void check(String output, MessageKind kind, String message) {
            SetupChecks.require("redactingJsonEncoder", output, kind, message, kind.redactionLabels());
        }
    }

    public static class LogstashMaskingState extends EncoderState {
        @Override
        Encoder<ILoggingEvent> create(EventFactory events) {
            // As a user would configure it: one <valueMask> with a <value> per secret regex and mask ***.
            MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
            masking.addValueMask(new MaskingJsonGeneratorDecorator.ValueMask(MessageKind.USER_REGEXES, "***"));
            masking.start(); // Joran starts it when configured from XML
            LogstashEncoder e = new LogstashEncoder();
            e.addDecorator(masking);
            return e;
        }

        @Override
        void check(String output, MessageKind kind, String message) {
            SetupChecks.require("logstashMaskingDecorator", output, kind, message, List.of("***"));
        }
    }

    /** The event alone: the part every encoder scenario shares. */
    @State(Scope.Benchmark)
    public static class EventState {

        @Param({"clean", "oneSecret", "twoSecrets"})
        public String kind;

        /** What every event's MDC holds ({@link EventFactory.Mdc}); {@code -p mdc=none} gives the events of older runs. */
        @Param({"three"})
        public String mdc;

        EventFactory events;

        @Setup(Level.Trial)
        public void setUp() {
            events = new EventFactory(MessageKind.of(kind), EventFactory.Mdc.of(mdc));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            events.stop();
        }
    }

    @Benchmark
    public byte[] plainPatternLayoutEncoder(PlainState s) {
        return s.encoder.encode(s.events.newEvent());
    }

    @Benchmark
    public byte[] redactingPatternLayoutEncoder(RedactingState s) {
        return s.encoder.encode(s.events.newEvent());
    }

    @Benchmark
    public byte[] logbackReplace(ReplaceState s) {
        return s.encoder.encode(s.events.newEvent());
    }

    @Benchmark
    public byte[] logstashEncoder(LogstashState s) {
        return s.encoder.encode(s.events.newEvent());
    }

    @Benchmark
    public byte[] redactingJsonEncoder(RedactingJsonState s) {
        return s.encoder.encode(s.events.newEvent());
    }

    @Benchmark
    public byte[] logstashMaskingDecorator(LogstashMaskingState s) {
        return s.encoder.encode(s.events.newEvent());
    }

    /** Builds the event and formats its message, as every encoder scenario does before encoding. */
    @Benchmark
    public String newEventOnly(EventState s) {
        LoggingEvent e = s.events.newEvent();
        return e.getFormattedMessage();
    }
}
