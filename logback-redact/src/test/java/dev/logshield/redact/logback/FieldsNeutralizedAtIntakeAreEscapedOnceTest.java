package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.logshield.redact.event.NeutralizedAtIntake;
import dev.logshield.redact.text.LogInjectionEscaper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through the real {@link RedactingPatternLayoutEncoder}: the single-line fields of an event
 * {@linkplain NeutralizedAtIntake neutralised at intake} are printed as escaped there ({@code \n}, never
 * {@code \\n}), also when the event reaches the encoder as a redacted view; its message and multi-line MDC entries
 * are still escaped by the encoder; a marked field that is not inert is escaped anyway; an unmarked event is escaped
 * as before (the backslash of a typed {@code \n} doubled).
 */
class FieldsNeutralizedAtIntakeAreEscapedOnceTest {

    private static final String FORGED = "\n2030-01-01 00:00:00,000 ERROR [payments-1.example.internal] forged";

    private LoggerContext context;
    private RedactingPatternLayoutEncoder encoder;

    @BeforeEach
    void start() {
        context = new LoggerContext();
        encoder = new RedactingPatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level [%thread] %logger %X - %msg%n");
        encoder.start();
        assertThat(encoder.isStarted()).isTrue();
    }

    @AfterEach
    void stop() {
        encoder.stop();
        context.stop();
    }

    @Test
    void intakeEscapesArePrintedOnceAndTheMessageIsEscapedByTheEncoder() {
        IntakeEvent event = intakeEvent("web" + FORGED, "main\u001b[2J", Map.of("user", "eve\u202e", "stack_trace",
                "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)"), "paid" + FORGED);

        String line = encode(event);

        assertThat(line).startsWith("INFO [main\\u001b[2J] web\\n2030-01-01 00:00:00,000 ERROR"
                + " [payments-1.example.internal] forged ")
                .contains("user=eve\\u202e", "stack_trace=java.lang.IllegalStateException: boom\\n\\tat a.B.c(B.java:1)")
                .endsWith(" - paid\\n2030-01-01 00:00:00,000 ERROR [payments-1.example.internal] forged\n")
                .containsOnlyOnce("\n");
        assertThat(line).doesNotContain("\\\\");
    }

    @Test
    void theMarkIsFoundThroughTheRedactedView() {
        IntakeEvent event = intakeEvent("web" + FORGED, "main", Map.of("contact", "jane.doe@example.com\u2028x"),
                "mail jane.doe@example.com" + FORGED);

        String line = encode(event);

        assertThat(line).isEqualTo("INFO [main] web\\n2030-01-01 00:00:00,000 ERROR [payments-1.example.internal] forged"
                + " contact=[REDACTED:email]\\u2028x - mail [REDACTED:email]\\n2030-01-01 00:00:00,000 ERROR"
                + " [payments-1.example.internal] forged\n");
    }

    @Test
    void aMarkedFieldThatIsNotInertIsEscapedAnyway() {
        IntakeEvent event = new IntakeEvent();
        fill(event, "raw\nlogger", "raw\u0085thread", Map.of("k\r", "v\u2029"), "m");

        assertThat(encode(event)).isEqualTo("INFO [raw\\u0085thread] raw\\nlogger k\\r=v\\u2029 - m\n");
    }

    @Test
    void anUnmarkedEventIsEscapedAsBefore() {
        LoggingEvent event = new LoggingEvent();
        fill(event, "typed\\nlogger", "main", Map.of(), "typed \\n and real\nbreak");

        assertThat(encode(event)).isEqualTo("INFO [main] typed\\\\nlogger  - typed \\\\n and real\\nbreak\n");
    }

    private String encode(LoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    /** An event as LogShield's receiver builds it: single-line fields escaped, the message and stack trace not. */
    private IntakeEvent intakeEvent(String logger, String thread, Map<String, String> mdc, String message) {
        Map<String, String> escaped = new LinkedHashMap<>();
        mdc.forEach((k, v) -> escaped.put(LogInjectionEscaper.escape(k), k.equals("stack_trace") ? v
                : LogInjectionEscaper.escape(v)));
        IntakeEvent event = new IntakeEvent();
        fill(event, LogInjectionEscaper.escape(logger), LogInjectionEscaper.escape(thread), escaped, message);
        return event;
    }

    private void fill(LoggingEvent event, String logger, String thread, Map<String, String> mdc, String message) {
        event.setLoggerContext(context);
        event.setLoggerName(logger);
        event.setThreadName(thread);
        event.setLevel(Level.INFO);
        event.setMessage(message);
        event.setTimeStamp(0);
        event.setMDCPropertyMap(new java.util.TreeMap<>(mdc));
    }

    static final class IntakeEvent extends LoggingEvent implements NeutralizedAtIntake {
        @Override
        public boolean isMultiLineMdcKey(String key) {
            return key.equals("stack_trace");
        }
    }
}
