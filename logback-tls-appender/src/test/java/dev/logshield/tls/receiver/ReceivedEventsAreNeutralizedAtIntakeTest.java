package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.redact.event.NeutralizedAtIntake;
import dev.logshield.tls.receiver.parse.ParsedEvent;
import dev.logshield.tls.testing.SharedPki;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event the receiver builds from a parsed one has every single-line field neutralised (logger and thread names,
 * field names and values) while its message and stack trace keep their line breaks for the output to escape; it is
 * marked {@link NeutralizedAtIntake} with the stack trace as its one multi-line MDC entry; a clean event's text is
 * the parsed instances; what escaping added is counted for the queue's byte budget.
 */
class ReceivedEventsAreNeutralizedAtIntakeTest {

    private static final String FORGED = "2030-01-01 00:00:00,000 ERROR [payments-1.example.internal] forged";

    private final LoggerContext context = new LoggerContext();
    private final ReceivedEventFactory factory = new ReceivedEventFactory(context);

    @Test
    void singleLineFieldsAreEscapedAndMultiLineTextIsKept() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user\r\n" + FORGED, "eve\u001b[31m\u202e");
        fields.put("origin@1.host", "h\u2028x\u0085y");
        fields.put("Client.cn", "payments-1.example.internal"); // removed: only the certificate says who is sending
        ParsedEvent parsed = new ParsedEvent(null, Level.INFO, "com.example\n" + FORGED, "main\u2066",
                "paid\n" + FORGED + "\n\tat x", fields, "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)");

        ReceivedLoggingEvent event = factory.create(parsed, client());

        assertThat(event.getLoggerName()).isEqualTo("com.example\\n" + FORGED);
        assertThat(event.getThreadName()).isEqualTo("main\\u2066");
        assertThat(event.getFormattedMessage()).isEqualTo("paid\n" + FORGED + "\n\tat x");
        assertThat(event.getMDCPropertyMap())
                .containsEntry("user\\r\\n" + FORGED, "eve\\u001b[31m\\u202e")
                .containsEntry("origin@1.host", "h\\u2028x\\u0085y")
                .containsEntry("stack_trace", "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)")
                .containsEntry("client.cn", "client1.test");
        assertThat(NeutralizedAtIntake.of(event)).isSameAs(event);
        assertThat(event.isMultiLineMdcKey("stack_trace")).isTrue();
        assertThat(event.isMultiLineMdcKey("user")).isFalse();
        // LF in the logger, U+2066 in the thread, CR LF in the name, ESC and U+202E, U+2028 and NEL in the values
        assertThat(event.addedChars()).isEqualTo(1 + 5 + 2 + (5 + 5) + (5 + 5));
    }

    @Test
    void aCleanEventKeepsTheParsedTextAndAddsNothing() throws Exception {
        String logger = "com.example.Shop";
        String thread = "main";
        String value = "eve";
        ParsedEvent parsed = new ParsedEvent(null, Level.INFO, logger, thread, "paid", Map.of("user", value), null);

        ReceivedLoggingEvent event = factory.create(parsed, client());

        assertThat(event.getLoggerName()).isSameAs(logger);
        assertThat(event.getThreadName()).isSameAs(thread);
        assertThat(event.getMDCPropertyMap().get("user")).isSameAs(value);
        assertThat(event.addedChars()).isZero();
    }

    private static ClientIdentity client() throws Exception {
        try (InputStream in = Files.newInputStream(SharedPki.get().client("client1").cert())) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return ClientIdentity.of(cert, new InetSocketAddress("127.0.0.1", 50000));
        }
    }
}
