package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A receiver configured from XML with {@code <allowedName>kafka-1.brokers.test</allowedName>},
 * {@code kafka-2.brokers.test} and {@code <allowedSubject>CN=batch,OU=Jobs,O=Example</allowedSubject>}, and clients
 * whose certificates the trusted CA issued, over real TLS: the ones that only look allowed (a CN with U+212A KELVIN
 * SIGN for the K, the allowed CN beside a SAN naming another host, the subject in full-width letters or another
 * case) are closed before a byte is read and counted as {@code not-allowed}; the ones listed (by a SAN in another
 * case, by a CN in a certificate without SANs, by the exact subject) are served, their events named
 * ({@code client.name}) by what listed them.
 */
class LookalikeClientsAreRefusedTest {

    private static final String NAME = "LookalikeClientsAreRefusedTest";
    private static final TestPki PKI = SharedPki.get();

    private static TestMeters meters;
    private static LoggerContext context;
    private static int port;

    @BeforeAll
    static void startReceiver() {
        meters = TestMeters.register();
        context = ReceiverContexts.configure(NAME, PKI, Map.of("registry", meters.name()));
        port = ReceiverContexts.startedReceiver(context).localPort();
    }

    @AfterAll
    static void stopReceiver() {
        context.stop();
        meters.close();
    }

    @Test
    void lookalikesAreClosedUnread() throws Exception {
        List<LookalikeClients> lookalikes = List.of(LookalikeClients.KELVIN_CN, LookalikeClients.CN_AND_OTHER_SAN,
                LookalikeClients.FULL_WIDTH_BATCH, LookalikeClients.CASED_BATCH);
        long bytesBefore = meters.count("logshield.receiver.bytes");
        int eventsBefore = ReceiverContexts.received(context).events().size();
        for (LookalikeClients lookalike : lookalikes) {
            try (RawTlsClient client = RawTlsClient.connect(PKI, lookalike.in(PKI), port)) {
                try {
                    client.write(RawTlsClient.octetCounted("lookalike", "from " + lookalike));
                } catch (IOException alreadyClosed) {
                    // the receiver may have closed before the write
                }
                assertThat(client.closedByServer(30_000)).as(lookalike + " closed by the receiver").isTrue();
            }
        }
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", lookalikes.size(), Duration.ofSeconds(10),
                "reason", "not-allowed")).isEqualTo(lookalikes.size());
        assertThat(meters.count("logshield.receiver.bytes")).as("nothing read").isEqualTo(bytesBefore);
        assertThat(ReceiverContexts.received(context).events()).hasSize(eventsBefore);
        // the first refusal's warning (the next ones within 10 s are only counted): no <allowedName> is proposed
        // for a CN outside ASCII, which no entry can match
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).anySatisfy(w -> assertThat(w)
                .contains("not on the allow-list", "subject=CN=\u212Aafka-1.brokers.test; SAN=none",
                        "add <allowedSubject>").doesNotContain("<allowedName>"));
    }

    @Test
    void listedClientsAreServed() throws Exception {
        List<LookalikeClients> listed = List.of(LookalikeClients.SAN, LookalikeClients.PLAIN_CN, LookalikeClients.BATCH);
        ReceivedEvents received = ReceiverContexts.received(context);
        for (LookalikeClients client : listed) {
            int before = received.events().size();
            try (RawTlsClient connection = RawTlsClient.connect(PKI, client.in(PKI), port)) {
                connection.write(RawTlsClient.octetCounted("listed", client.name()));
                received.await(before + 1, Duration.ofSeconds(30));
            }
        }
        assertThat(received.events()).extracting(ILoggingEvent::getFormattedMessage).contains("SAN", "PLAIN_CN",
                "BATCH");
        assertThat(received.events()).filteredOn(e -> List.of("SAN", "PLAIN_CN", "BATCH").contains(e.getFormattedMessage()))
                .as("client.name: the SAN, else the CN of a certificate without SANs, else the subject")
                .extracting(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap().get("client.name"))
                .containsExactly("SAN KAFKA-2.Brokers.test", "PLAIN_CN kafka-1.brokers.test",
                        "BATCH batch");
        assertThat(meters.count("logshield.receiver.events", "client", "KAFKA-2.Brokers.test"))
                .as("counted under its SAN, not its CN").isEqualTo(1);
    }
}
