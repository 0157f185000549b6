package dev.logshield.tls.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.status.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * A failing message layout never reaches the application: the event is still sent, with its header and sequence
 * element, a placeholder message and no MDC (never the unrendered text, which the layout may have been meant to
 * redact), and repeated failures give one status error with a count; a key-value whose {@code toString()} throws
 * becomes a placeholder parameter; a stopped encoder and a null event give no bytes.
 */
class EncodingNeverThrowsTest {

    @Test
    void aFailingLayoutGivesAPlaceholderNeverTheMessage() {
        try (LogbackXml logback = LogbackXml.configure(getClass(), Map.of())) {
            Rfc5424Encoder encoder = logback.encoder("EXPLODING");
            for (int i = 0; i < 3; i++) {
                String out = new String(encoder.encode(logback.event("l", Level.INFO, "password=hunter2", null,
                        Map.of("user", "bob"))), UTF_8);
                assertThat(out).isEqualTo("<14>1 2026-11-25T10:11:12.123456Z h a 1 - [logshield@32473 seq=\""
                        + (i + 1) + "\" origin=\"" + encoder.origin() + "\"] [LogShield: the message could not be "
                        + "rendered (java.lang.IllegalStateException); see the Logback status]");
            }
            assertThat(logback.statusMessages(Status.ERROR)).singleElement().satisfies(m -> assertThat(m)
                    .contains("Rfc5424Encoder could not render an event of logger 'l'")
                    .contains("(1 encoding problems so far)"));
        }
    }

    @Test
    void aValueWhoseToStringThrowsBecomesAPlaceholder() {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new UnsupportedOperationException("no");
            }
        };
        try (LogbackXml logback = LogbackXml.configure(getClass(), Map.of())) {
            String out = new String(logback.encoder("PLAIN").encode(logback.event("l", Level.INFO, "m", null, Map.of(),
                    new KeyValuePair("bad", hostile), new KeyValuePair("good", 1))), UTF_8);
            assertThat(out).isEqualTo("<14>1 2026-11-25T10:11:12.123456Z h a 1 - [mdc@32473 bad=\"[toString() failed: "
                    + "java.lang.UnsupportedOperationException\\]\" good=\"1\"] m");
        }
    }

    @Test
    void aStoppedEncoderAndANullEventGiveNothing() {
        try (LogbackXml logback = LogbackXml.configure(getClass(), Map.of())) {
            Rfc5424Encoder encoder = logback.encoder("PLAIN");
            assertThat(encoder.encode(null)).isEmpty();
            encoder.stop();
            assertThat(encoder.encode(logback.event("l", Level.INFO, "m", null, Map.of()))).isEmpty();
        }
    }
}
