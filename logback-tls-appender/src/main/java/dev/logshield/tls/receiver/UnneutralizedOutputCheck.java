package dev.logshield.tls.receiver;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.ContextAware;
import dev.logshield.redact.logback.RedactingPatternLayout;
import dev.logshield.redact.logback.RedactingPatternLayoutEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Finds the text outputs of a receiver's context that would write what clients send without neutralising it. The
 * receiver neutralises single-line fields at intake, but keeps each message (and a stack trace) with its line breaks
 * for the output to escape once: an output whose encoder does not neutralise writes a client's
 * {@code "paid\n2030-01-01 ... ERROR [payments-1.example.internal] ..."} as a second, forged line, and its ANSI
 * escapes raw.
 *
 * <p>Checked: every appender attached to a logger of the context, and the appenders nested in those that hold
 * others ({@code AsyncAppender}, LogShield's {@code RedactingAppender}, which redacts but does not neutralise), that
 * writes through an encoder ({@code OutputStreamAppender}: console, file, rolling file, LogShield's
 * {@code EncryptedFileAppender}). Neutralising: {@link RedactingPatternLayoutEncoder} and a
 * {@link RedactingPatternLayout} in a {@code LayoutWrappingEncoder}, unless {@code <neutralize>false</neutralize>};
 * JSON encoders, which escape control characters themselves (LogShield's {@code RedactingJsonEncoder} and
 * {@code AuditJsonEncoder}, logstash-logback-encoder's, Logback's {@code JsonEncoder}). Any other encoder is
 * reported. Appenders that ship events on ({@code MtlsAppender}) are not text outputs.
 *
 * <p>Nothing to configure: {@link MtlsReceiver} runs it once when it starts serving (once the configuration has
 * attached the appenders, see {@link ConfiguredContextGate}) and adds one status
 * WARN per output found, naming the appender and what to use instead, e.g. for
 * <pre>{@code
 * <appender name="FILE" class="ch.qos.logback.core.FileAppender">
 *   <file>received.log</file>
 *   <encoder><pattern>%d %-5level [%mdc{client.name}] %logger - %msg%n</pattern></encoder>   <!-- plain: WARN -->
 * </appender>
 * }</pre>
 * Replace the encoder with {@code <encoder class="dev.logshield.redact.logback.RedactingPatternLayoutEncoder">},
 * keeping the pattern.
 */
final class UnneutralizedOutputCheck {

    private static final Set<String> JSON_ENCODERS = Set.of(
            "net.logstash.logback.encoder.CompositeJsonEncoder", // LogstashEncoder, RedactingJsonEncoder, composite
            "ch.qos.logback.classic.encoder.JsonEncoder",
            "dev.logshield.redact.audit.AuditJsonEncoder");
    private static final Set<String> JSON_LAYOUTS = Set.of("net.logstash.logback.layout.CompositeJsonLayout");
    private static final String NEUTRALIZE_OFF = "<neutralize>false</neutralize>";

    private final LoggerContext context;

    UnneutralizedOutputCheck(LoggerContext context) {
        this.context = context;
    }

    /** Adds a status WARN, as {@code status}, for each output found. */
    void reportTo(ContextAware status) {
        for (String problem : problems()) {
            status.addWarn(problem);
        }
    }

    /** One message per output that does not neutralise what it writes; empty when there is none. */
    List<String> problems() {
        Set<Appender<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> problems = new ArrayList<>();
        for (Logger logger : context.getLoggerList()) {
            visit(logger.iteratorForAppenders(), null, seen, problems);
        }
        return problems;
    }

    private static void visit(Iterator<Appender<ILoggingEvent>> appenders, Appender<?> holder, Set<Appender<?>> seen,
            List<String> problems) {
        while (appenders.hasNext()) {
            Appender<ILoggingEvent> appender = appenders.next();
            if (appender == null || !seen.add(appender)) {
                continue;
            }
            if (appender instanceof OutputStreamAppender<ILoggingEvent> output) {
                String why = notNeutralizing(output.getEncoder());
                if (why != null) {
                    problems.add(message(appender, holder, why));
                }
            }
            if (appender instanceof AppenderAttachable<?>) {
                @SuppressWarnings("unchecked")
                AppenderAttachable<ILoggingEvent> nested = (AppenderAttachable<ILoggingEvent>) appender;
                visit(nested.iteratorForAppenders(), appender, seen, problems);
            }
        }
    }

    /** Why {@code encoder} leaves text as clients sent it, or null when it neutralises (or writes JSON). */
    private static String notNeutralizing(Encoder<ILoggingEvent> encoder) {
        if (encoder == null) {
            return null; // the appender did not start: it writes nothing, and said so
        }
        String name = encoder.getClass().getName();
        if (encoder instanceof RedactingPatternLayoutEncoder redacting) {
            return redacting.isNeutralize() ? null : "its encoder " + name + " has " + NEUTRALIZE_OFF;
        }
        if (isA(encoder, JSON_ENCODERS)) {
            return null;
        }
        if (encoder instanceof LayoutWrappingEncoder<ILoggingEvent> wrapping) {
            Layout<ILoggingEvent> layout = wrapping.getLayout();
            if (layout instanceof RedactingPatternLayout redacting) {
                return redacting.isNeutralize() ? null : "its layout " + layout.getClass().getName() + " has "
                        + NEUTRALIZE_OFF;
            }
            if (layout != null && isA(layout, JSON_LAYOUTS)) {
                return null;
            }
            return "its encoder " + name + (layout == null ? "" : " (layout " + layout.getClass().getName() + ")")
                    + " writes them as sent";
        }
        return "its encoder " + name + " is not known to neutralise them";
    }

    private static String message(Appender<?> appender, Appender<?> holder, String why) {
        return "MtlsReceiver: appender [" + appender.getName() + "]"
                + (holder == null ? "" : " (inside [" + holder.getName() + "])")
                + " writes received events as text and " + why + ": messages from clients may forge lines (a line"
                + " break, then a made-up line in the name of another client) and carry terminal escapes; "
                + (why.endsWith(NEUTRALIZE_OFF) ? "remove " + NEUTRALIZE_OFF : "use <encoder class=\""
                        + RedactingPatternLayoutEncoder.class.getName() + "\"> with the same <pattern> (it redacts and"
                        + " neutralises), or a JSON encoder");
    }

    private static boolean isA(Object object, Set<String> classNames) {
        for (Class<?> c = object.getClass(); c != null; c = c.getSuperclass()) {
            if (classNames.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
