package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allow-list is applied to the verified certificate after the handshake and before the receiver reads a byte:
 * clients listed by name (exact, case-insensitive, or {@code *.fleet.test} for one label), by subject DN or by SPKI
 * pin are served; one the CA vouches for but nobody listed is closed, counted in
 * {@code connections.rejected{reason=not-allowed}} and named in a status warning, and the bytes it sent at once
 * are never read (the {@code bytes} counter stays at zero, no event).
 */
class AllowListDecidesBeforeAnyByteIsReadTest {

    private static final String NAME = "AllowListDecidesBeforeAnyByteIsReadTest";

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static TestMeters meters;
    private static LoggerContext context;
    private static int port;

    @BeforeAll
    static void startReceiver() {
        pki = TestPki.generate(dir);
        pki.issueClient("fleet", "web-1.fleet.test");
        pki.issueClient("deep", "a.b.fleet.test");
        pki.issueClient("pinned", "pinned.elsewhere.test");
        pki.issueClient("stranger", "stranger.elsewhere.test");
        meters = TestMeters.register();
        context = ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(),
                "pinnedSpki", pki.client("pinned").spkiPin()));
        port = ReceiverContexts.startedReceiver(context).localPort();
    }

    @AfterAll
    static void stopReceiver() {
        context.stop();
        meters.close();
    }

    @Test
    void listedClientsAreServed() throws Exception {
        Map<String, String> clients = Map.of("client1", "by exact name, case-insensitive", "fleet", "by wildcard name",
                "client2", "by subject", "pinned", "by SPKI pin");
        ReceivedEvents received = ReceiverContexts.received(context);
        int before = received.events().size();
        for (String name : clients.keySet()) {
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client(name), port)) {
                client.write(RawTlsClient.octetCounted("allowed", name));
                received.await(before + 1, Duration.ofSeconds(5));
                before++;
            }
        }
        assertThat(received.events()).extracting(ILoggingEvent::getFormattedMessage).contains("client1", "fleet",
                "client2", "pinned");
    }

    @Test
    void unlistedClientsAreClosedUnread() throws Exception {
        long bytesBefore = meters.count("logshield.receiver.bytes");
        int eventsBefore = ReceiverContexts.received(context).events().size();
        for (String name : new String[] {"stranger", "deep"}) {
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client(name), port)) {
                try {
                    client.write(RawTlsClient.octetCounted("refused", "from " + name).repeat(20));
                } catch (java.io.IOException alreadyClosed) {
                    // the receiver may have closed before the write
                }
                assertThat(client.closedByServer(30_000)).as(name + " closed by the receiver").isTrue();
            }
        }
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 2, Duration.ofSeconds(2),
                "reason", "not-allowed")).isEqualTo(2);
        assertThat(meters.count("logshield.receiver.bytes")).as("nothing read").isEqualTo(bytesBefore);
        assertThat(ReceiverContexts.received(context).events()).hasSize(eventsBefore);
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).anySatisfy(w -> assertThat(w)
                .contains("not on the allow-list", "subject=CN=stranger.elsewhere.test", "SAN=DNS:stranger.elsewhere.test",
                        "pin=" + pki.client("stranger").spkiPin(), "from 127.0.0.1:"));
    }
}
