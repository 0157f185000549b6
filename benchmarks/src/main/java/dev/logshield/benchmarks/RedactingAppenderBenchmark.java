package dev.logshield.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;
import dev.logshield.redact.event.RedactedEvent;
import dev.logshield.redact.logback.RedactingAppender;
import dev.logshield.redact.logback.RedactingPatternLayoutEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
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
 * One event appended per operation, through the appender shapes a user can pick, each configured from logback.xml
 * and ending in an {@link EncodingSinkAppender} (the encoder's work without I/O):
 * <ul>
 * <li>{@link #plainAppender}: the sink with Logback's plain {@code PatternLayoutEncoder}: <b>the baseline</b>;</li>
 * <li>{@link #redactingEncoderAppender}: the sink with LogShield's {@code RedactingPatternLayoutEncoder};</li>
 * <li>{@link #redactingAppender}: {@code <appender class="RedactingAppender"><appender-ref ref="SINK"/>} in front of
 * the sink with the plain {@code PatternLayoutEncoder}, i.e. redaction as a property of the event with Logback's own
 * encoder;</li>
 * <li>{@link #logstashAppender}: the sink with logstash-logback-encoder's {@code LogstashEncoder}: the JSON baseline;
 * and {@link #redactingAppenderLogstash}: the same behind a {@code RedactingAppender}.</li>
 * </ul>
 * The same encoders without an appender are {@code EncoderBenchmark}'s {@code plainPatternLayoutEncoder} and
 * {@code redactingPatternLayoutEncoder}; {@code RedactingAppenderReport} compares them all. Each operation appends a
 * new event (see {@link EventFactory}: LogShield's engine remembers each thread's last event).
 *
 * <p>Every setup proves, on the very message it will time, that the chain is the one written and does its job: the
 * classes, the attachment and the pattern are as configured, nothing reported an error, redacting shapes print the
 * expected {@code [REDACTED:...]} labels and no raw secret, a clean event prints byte for byte what the plain encoder
 * prints, and the event reaching the sink behind a {@code RedactingAppender} is its redacted view (a
 * {@link RedactedEvent} of the event appended) when the message holds a secret, the event itself when it is clean
 * (then a card-number probe through the same chain must come out redacted). Each iteration's teardown proves the
 * sink encoded the timed events and nothing failed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RedactingAppenderBenchmark {

    static final String SINK = "SINK";
    static final String REDACTED = "REDACTED";
    /** The logger the appenders hang from: Logback instantiates only appenders something refers to. */
    static final String LOGGER = "bench";

    private static final String PATTERN_ENCODER_XML = "<encoder class='" + PatternLayoutEncoder.class.getName() + "'>"
            + "<pattern>" + EventFactory.PATTERN + "</pattern></encoder>";
    private static final String REDACTING_ENCODER_XML = "<encoder class='" + RedactingPatternLayoutEncoder.class.getName()
            + "'><pattern>" + EventFactory.PATTERN + "</pattern></encoder>";
    private static final String LOGSTASH_ENCODER_XML = "<encoder class='" + LogstashEncoder.class.getName() + "'/>";

    /** A way to get events to the sink: the encoder it holds, and whether a RedactingAppender stands in front. */
    enum Shape {
        PLAIN("plainAppender", PATTERN_ENCODER_XML, PatternLayoutEncoder.class, false),
        REDACTING_ENCODER("redactingEncoderAppender", REDACTING_ENCODER_XML, RedactingPatternLayoutEncoder.class, false),
        REDACTING_APPENDER("redactingAppender", PATTERN_ENCODER_XML, PatternLayoutEncoder.class, true),
        LOGSTASH("logstashAppender", LOGSTASH_ENCODER_XML, LogstashEncoder.class, false),
        REDACTING_APPENDER_LOGSTASH("redactingAppenderLogstash", LOGSTASH_ENCODER_XML, LogstashEncoder.class, true);

        final String scenario;
        final String encoderXml;
        final Class<?> encoderClass;
        final boolean throughRedactingAppender;

        Shape(String scenario, String encoderXml, Class<?> encoderClass, boolean throughRedactingAppender) {
            this.scenario = scenario;
            this.encoderXml = encoderXml;
            this.encoderClass = encoderClass;
            this.throughRedactingAppender = throughRedactingAppender;
        }

        /** Whether the output must be redacted. */
        boolean redacts() {
            return throughRedactingAppender || encoderClass == RedactingPatternLayoutEncoder.class;
        }

        boolean json() {
            return encoderClass == LogstashEncoder.class;
        }

        /** The configuration, as a user writes it. */
        String xml() {
            String sink = "<appender name='" + SINK + "' class='" + EncodingSinkAppender.class.getName() + "'>" + encoderXml
                    + "</appender>";
            String redacting = "<appender name='" + REDACTED + "' class='" + RedactingAppender.class.getName() + "'>"
                    + "<appender-ref ref='" + SINK + "'/></appender>";
            return "<configuration>" + sink + (throughRedactingAppender ? redacting : "")
                    + "<logger name='" + LOGGER + "' level='INFO' additivity='false'><appender-ref ref='"
                    + (throughRedactingAppender ? REDACTED : SINK) + "'/></logger>"
                    + "</configuration>";
        }
    }

    /** An appender chain configured from XML on a fresh context, checked on the message it will be timed on. */
    @State(Scope.Benchmark)
    public abstract static class AppenderState {

        @Param({"clean", "oneSecret", "twoSecrets"})
        public String kind;

        /** What every event's MDC holds ({@link EventFactory.Mdc}); {@code -p mdc=none} gives the events of older runs. */
        @Param({"three"})
        public String mdc;

        private final Shape shape;
        EventFactory events;
        /** Where each operation appends: the RedactingAppender, or the sink itself. */
        Appender<ILoggingEvent> appender;
        private EncodingSinkAppender sink;
        private long eventsBefore;

        AppenderState(Shape shape) {
            this.shape = shape;
        }

        @Setup(Level.Trial)
        public void setUp() {
            events = new EventFactory(MessageKind.of(kind), EventFactory.Mdc.of(mdc));
            LogbackXml.configure(events.context(), shape.xml());
            String scenario = shape.scenario;
            SetupChecks.requireNoErrors(scenario, events.context());
            appender = onlyAppender(events.context().getLogger(LOGGER));
            sink = checkChain(appender);
            checkOutput();
            SetupChecks.requireNoErrors(scenario, events.context());
        }

        /** The one appender of {@code logger}: the chain's head, nothing else may receive the events. */
        private Appender<ILoggingEvent> onlyAppender(Logger logger) {
            List<Appender<ILoggingEvent>> all = new ArrayList<>();
            logger.iteratorForAppenders().forEachRemaining(all::add);
            if (all.size() != 1) {
                throw new IllegalStateException(shape.scenario + ": expected one appender on '" + LOGGER + "', got " + all);
            }
            return all.get(0);
        }

        /** The sink at the end of the chain, after checking every link is the class and configuration written. */
        private EncodingSinkAppender checkChain(Appender<ILoggingEvent> head) {
            String scenario = shape.scenario;
            Appender<ILoggingEvent> last = head;
            if (shape.throughRedactingAppender) {
                if (head.getClass() != RedactingAppender.class || !head.isStarted()) {
                    throw new IllegalStateException(scenario + ": expected a started RedactingAppender, got " + head);
                }
                RedactingAppender redacting = (RedactingAppender) head;
                Iterator<Appender<ILoggingEvent>> attached = redacting.iteratorForAppenders();
                last = attached.hasNext() ? attached.next() : null;
                if (last == null || attached.hasNext() || !SINK.equals(last.getName())) {
                    throw new IllegalStateException(scenario + ": the RedactingAppender must hold the sink alone");
                }
            }
            if (!(last instanceof EncodingSinkAppender s) || !s.isStarted()) {
                throw new IllegalStateException(scenario + ": expected a started EncodingSinkAppender, got " + last);
            }
            Encoder<ILoggingEvent> encoder = s.getEncoder();
            if (encoder.getClass() != shape.encoderClass || !encoder.isStarted()) {
                throw new IllegalStateException(scenario + ": expected a started " + shape.encoderClass.getName()
                        + ", got " + encoder);
            }
            if (encoder instanceof PatternLayoutEncoderBase<?> p && !EventFactory.PATTERN.equals(p.getPattern())) {
                throw new IllegalStateException(scenario + ": not the benchmark's pattern: " + encoder);
            }
            return s;
        }

        /** The timed message through the chain, then (clean only) a probe with a card number. */
        private void checkOutput() {
            String scenario = shape.scenario;
            MessageKind kind = events.kind();
            LoggingEvent event = events.newEvent();
            String output = append(event);
            ILoggingEvent received = sink.lastEvent();
            events.requireMdc(scenario, received);
            if (shape.json()) {
                SetupChecks.requireJsonMdc(scenario, output, events.mdc().entries());
            }
            String message = events.formattedMessage();
            if (!shape.redacts()) {
                SetupChecks.requireVerbatim(scenario, output, message); // a baseline hides nothing
            } else {
                SetupChecks.require(scenario, output, kind, message, kind.redactionLabels());
            }
            if (!kind.hasSecrets()) {
                String plain = referenceOutput();
                if (!output.equals(plain)) {
                    throw new IllegalStateException(scenario + ": a clean event must print what the plain encoder prints."
                            + "\n  plain: " + plain + "\n  got:   " + output);
                }
            }
            if (shape.throughRedactingAppender) {
                if (kind.hasSecrets()) {
                    requireViewOf(received, event);
                } else {
                    if (received != event) {
                        throw new IllegalStateException(scenario + ": a clean event must reach the sink as itself (nothing "
                                + "matched, no copy), got " + received);
                    }
                    // the chain redacts: a card number through it comes out as its redacted view
                    LoggingEvent probe = events.newEvent(MessageKind.ONE_SECRET);
                    String probed = append(probe);
                    requireViewOf(sink.lastEvent(), probe);
                    SetupChecks.requireMasked(scenario + " (probe)", probed, MessageKind.ONE_SECRET,
                            MessageKind.ONE_SECRET.redactionLabels());
                }
            } else if (received != event) {
                throw new IllegalStateException(scenario + ": the sink must get the appended event itself, got " + received);
            }
        }

        private void requireViewOf(ILoggingEvent received, ILoggingEvent event) {
            if (!(received instanceof RedactedEvent view) || view.original() != event) {
                throw new IllegalStateException(shape.scenario + ": behind a RedactingAppender the sink must get the "
                        + "event's redacted view, got " + received);
            }
        }

        /** Appends {@code event} through the chain and returns what the sink encoded. */
        private String append(ILoggingEvent event) {
            sink.recording(true);
            try {
                appender.doAppend(event);
                byte[] out = sink.lastOutput();
                if (out == null) {
                    throw new IllegalStateException(shape.scenario + ": the event never reached the sink");
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                sink.recording(false);
            }
        }

        /** What the plain encoder of the same family (pattern or JSON) prints for a new timed event. */
        private String referenceOutput() {
            Encoder<ILoggingEvent> reference;
            if (shape.json()) {
                reference = new LogstashEncoder();
            } else {
                PatternLayoutEncoder e = new PatternLayoutEncoder();
                e.setPattern(EventFactory.PATTERN);
                reference = e;
            }
            reference.setContext(events.context());
            reference.start();
            try {
                return new String(reference.encode(events.newEvent()), StandardCharsets.UTF_8);
            } finally {
                reference.stop();
            }
        }

        @Setup(Level.Iteration)
        public void countBefore() {
            eventsBefore = sink.events();
        }

        /** The timed events reached the sink, and nothing failed on the way. */
        @TearDown(Level.Iteration)
        public void checkIteration() {
            String scenario = shape.scenario;
            if (sink.events() <= eventsBefore || !appender.isStarted() || !sink.isStarted()) {
                throw new IllegalStateException(scenario + ": the sink encoded nothing in this iteration, or stopped");
            }
            if (appender instanceof RedactingAppender r && r.getFailedAppends() != 0) {
                throw new IllegalStateException(scenario + ": the sink failed on " + r.getFailedAppends() + " events");
            }
            SetupChecks.requireNoErrors(scenario, events.context());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            events.stop();
        }
    }

    public static class PlainAppenderState extends AppenderState {
        public PlainAppenderState() {
            super(Shape.PLAIN);
        }
    }

    public static class RedactingEncoderAppenderState extends AppenderState {
        public RedactingEncoderAppenderState() {
            super(Shape.REDACTING_ENCODER);
        }
    }

    public static class RedactingAppenderState extends AppenderState {
        public RedactingAppenderState() {
            super(Shape.REDACTING_APPENDER);
        }
    }

    public static class LogstashAppenderState extends AppenderState {
        public LogstashAppenderState() {
            super(Shape.LOGSTASH);
        }
    }

    public static class RedactingAppenderLogstashState extends AppenderState {
        public RedactingAppenderLogstashState() {
            super(Shape.REDACTING_APPENDER_LOGSTASH);
        }
    }

    @Benchmark
    public void plainAppender(PlainAppenderState s) {
        s.appender.doAppend(s.events.newEvent());
    }

    @Benchmark
    public void redactingEncoderAppender(RedactingEncoderAppenderState s) {
        s.appender.doAppend(s.events.newEvent());
    }

    @Benchmark
    public void redactingAppender(RedactingAppenderState s) {
        s.appender.doAppend(s.events.newEvent());
    }

    @Benchmark
    public void logstashAppender(LogstashAppenderState s) {
        s.appender.doAppend(s.events.newEvent());
    }

    @Benchmark
    public void redactingAppenderLogstash(RedactingAppenderLogstashState s) {
        s.appender.doAppend(s.events.newEvent());
    }
}
