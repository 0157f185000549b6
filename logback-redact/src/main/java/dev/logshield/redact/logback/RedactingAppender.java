package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import dev.logshield.metrics.EventCounter;
import dev.logshield.metrics.Meters;
import dev.logshield.metrics.ReportGate;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hands the redacted view of every event to the appenders referenced inside it, whatever they are: Logback's own
 * (a plain {@code PatternLayoutEncoder}, {@code AsyncAppender}), logstash-logback-encoder's, OpenTelemetry's,
 * Sentry's, Spring Boot's structured logging. Message, arguments, MDC, key-value pairs, markers, structured
 * arguments and exceptions at any depth are redacted once per event (see {@code EventRedactor}) and the original
 * event is never changed. Like {@code AsyncAppender}, it stops the appenders it holds when it stops.
 *
 * <pre>{@code
 * <appender name="OTEL" class="io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender"/>
 * <appender name="REDACTED" class="dev.logshield.redact.logback.RedactingAppender">
 *   <redaction>                                            <!-- optional; default: built-ins + the context's policy -->
 *     <policy>classpath:redaction-policy.yaml</policy>
 *     <detector>ipv4: partial</detector>
 *     <sensitiveKey>pin, otp</sensitiveKey>
 *   </redaction>
 *   <appender-ref ref="OTEL"/>
 * </appender>
 * <root level="INFO"><appender-ref ref="REDACTED"/></root>
 * }</pre>
 * Without an {@code <appender-ref>} it reports an error and stays stopped. An attached appender that throws is
 * contained (the others still get the event), counted ({@link #getFailedAppends()}, Micrometer
 * {@code logshield.redact.appender_failures}) and reported at most every ten seconds.
 */
public class RedactingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private final LongAdder failedAppends = new LongAdder();
    private final ReportGate failureReports = new ReportGate(Duration.ofSeconds(10));
    private RedactionSettings redaction;
    private SinkRedaction sink;
    private EventCounter failureCounter = EventCounter.NOOP;
    @SuppressWarnings("unchecked")
    private volatile Appender<ILoggingEvent>[] attached = new Appender[0];

    /** The nested {@code <redaction>} element; default: built-in detectors plus the context's shared policy. */
    public void setRedaction(RedactionSettings redaction) {
        this.redaction = redaction;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (!appenders.iteratorForAppenders().hasNext()) {
            addError("RedactingAppender [" + name + "] has no <appender-ref>: it would redact events for nobody. "
                    + "Add <appender-ref ref=\"...\"/> inside it. Not started.");
            return;
        }
        sink = SinkRedaction.start(this, "RedactingAppender [" + name + "]", redaction, null);
        failureCounter = Meters.forRegistry(redaction == null ? null : redaction.metricsRegistry())
                .counter("logshield.redact.appender_failures", "Events an appender behind a RedactingAppender failed on",
                        "appender", String.valueOf(name));
        super.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        detachAndStopAllAppenders();
    }

    @Override
    protected void append(ILoggingEvent event) {
        ILoggingEvent view = sink.apply(event);
        for (Appender<ILoggingEvent> appender : attached) {
            try {
                appender.doAppend(view);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                failed(appender, e);
            }
        }
    }

    private void failed(Appender<ILoggingEvent> appender, Throwable e) {
        failedAppends.increment();
        failureCounter.increment();
        if (failureReports.tryOpen()) {
            addError("RedactingAppender [" + name + "]: appender [" + appender.getName() + "] failed on an event ("
                    + failedAppends.sum() + " failure(s) so far); the other appenders still got it", e);
        }
    }

    /** Events an attached appender threw on since start (each appender's failure counts once). */
    public long getFailedAppends() {
        return failedAppends.sum();
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> newAppender) {
        appenders.addAppender(newAppender);
        snapshot();
    }

    /** The attached appenders as an array, read once per event without allocating an iterator. */
    @SuppressWarnings("unchecked")
    private void snapshot() {
        java.util.List<Appender<ILoggingEvent>> list = new java.util.ArrayList<>();
        appenders.iteratorForAppenders().forEachRemaining(list::add);
        attached = list.toArray(new Appender[0]);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return appenders.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
        snapshot();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        boolean detached = appenders.detachAppender(appender);
        snapshot();
        return detached;
    }

    @Override
    public boolean detachAppender(String name) {
        boolean detached = appenders.detachAppender(name);
        snapshot();
        return detached;
    }
}
