package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.SecretEvents;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import dev.logshield.tls.testing.Waits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MtlsReceiver} redacts by default what its appenders write, whatever they are: a client that does not redact
 * (here an {@code MtlsAppender} with {@code <redaction><enabled>false</enabled></redaction>}, whose warning is
 * checked; rsyslog or Fluent Bit would be the same) sends an event with secrets in its message, stack trace,
 * structured data and key-value pairs, and the receiver context's plain {@code FileAppender} writes it with none of
 * them and the benign text intact. The identity entries go through the same redaction: the default {@code ipv4}
 * detector masks the address in {@code client.address}.
 */
class ReceiverRedactsWhatItWritesTest {

    private static final String NAME = "ReceiverRedactsWhatItWritesTest";

    @TempDir
    Path dir;

    private final TestPki pki = SharedPki.get();

    @Test
    void theReceiversFileHoldsNoSecret() throws Exception {
        Path file = dir.resolve("received.log");
        LoggerContext receiverContext = ReceiverContexts.configure(NAME, pki, Map.of("file", file.toString()));
        MtlsReceiver receiver = ReceiverContexts.startedReceiver(receiverContext);
        LoggerContext client = XmlConfiguredContext.configure("receiver/" + NAME + "-client", Map.of(
                "destination", "127.0.0.1:" + receiver.localPort(),
                "clientCert", pki.client("client1").chain().toString(),
                "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
        try {
            assertThat(XmlConfiguredContext.statuses(client, Status.WARN)).anySatisfy(m -> assertThat(m).startsWith(
                    "MtlsAppender [SHIP]: <redaction><enabled>false</enabled></redaction> switches redaction off"));

            SecretEvents.log(client.getLogger("com.example.shop.Payments"));
            client.getLogger("com.example.shop.Payments").info("last event");
            awaitLine(file, "last event");
        } finally {
            client.stop();
            receiverContext.stop();
        }

        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).doesNotContain(SecretEvents.secrets())
                .contains(SecretEvents.benignText())
                .contains("ERROR com.example.shop.Payments - order 42: card [REDACTED:credit-card] paid by [REDACTED:email]")
                .contains("java.lang.RuntimeException: refund of card [REDACTED:credit-card] failed")
                .contains("Suppressed: java.lang.IllegalArgumentException: cleanup used key [REDACTED:aws-access-key]")
                .contains("Caused by: java.lang.IllegalStateException: ledger login failed for [REDACTED:email]")
                .contains("contact=call [REDACTED:email]", "order=order-42", "client.cn=client1.test")
                .containsPattern("client\\.address=\\[REDACTED:ipv4\\]:\\d+");
        // the only warning: the plain encoder does not neutralise (see PlainTextOutputsDrawAWarningTest)
        assertThat(XmlConfiguredContext.statuses(receiverContext, Status.WARN)).singleElement().asString()
                .startsWith("MtlsReceiver: appender [FILE] writes received events as text");
    }

    private static void awaitLine(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + Waits.FLOOR.toNanos();
        while (!(Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text))) {
            assertThat(System.nanoTime()).as("'%s' written to %s within %s", text, file, Waits.FLOOR).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
