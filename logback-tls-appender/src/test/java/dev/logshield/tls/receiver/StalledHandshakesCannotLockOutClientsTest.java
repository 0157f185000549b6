package dev.logshield.tls.receiver;

import static dev.logshield.tls.receiver.HostileClients.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.Waits;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connections that never start their handshake, two from each of eight loopback addresses (each within
 * {@code <maxHandshakesPerAddress>} 2), as many as {@code <maxConnections>} 16, cannot lock an allowed client out:
 * at most {@code <maxHandshakes>} 4 of them are under way at once, each newer one displacing the oldest, and the
 * client's connection, coming last, displaces one more and is served. Before {@code <maxHandshakes>}, the sixteen
 * took every connection slot and the client was refused {@code too-many-connections} until their two-minute
 * handshake timeout. Everything is counted: the waits are for counts, with generous limits.
 */
class StalledHandshakesCannotLockOutClientsTest {

    private static final String NAME = "StalledHandshakesCannotLockOutClientsTest";
    private static final String METER = "logshield.receiver.";
    private static final int ADDRESSES = 8;
    private static final int PER_ADDRESS = 2;
    private static final int MAX_HANDSHAKES = 4;
    private static final String DISPLACED = "handshake-displaced";

    private final TestPki pki = SharedPki.get();
    private final List<Socket> stalled = new ArrayList<>();
    private TestMeters meters;
    private LoggerContext context;
    private int port;

    @BeforeEach
    void startReceiver() {
        meters = TestMeters.register();
        context = ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name()));
        port = ReceiverContexts.startedReceiver(context).localPort();
    }

    @AfterEach
    void stopReceiver() throws Exception {
        for (Socket socket : stalled) {
            socket.close();
        }
        context.stop();
        meters.close();
    }

    @Test
    void anAllowedClientIsServedWhileEveryConnectionSlotCouldBeStalled() throws Exception {
        int attackers = ADDRESSES * PER_ADDRESS;
        for (int i = 0; i < attackers; i++) {
            try {
                stalled.add(HostileClients.tcp(loopback(0, 2, 1 + i / PER_ADDRESS), port));
            } catch (SocketException refusedAtOnce) {
                // a refusal's reset can reach the client before its connect returns: counted all the same
            }
            awaitAccounted(i + 1);
        }
        // accepted in the order they connected: the client's connection comes after all sixteen
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            client.write(RawTlsClient.octetCounted("admission", "served during the flood"));
            assertThat(ReceiverContexts.received(context).await(1, Waits.FLOOR))
                    .extracting(ILoggingEvent::getFormattedMessage).containsExactly("served during the flood");
        }
        int displaced = attackers - MAX_HANDSHAKES + 1;
        assertThat(meters.awaitCount(METER + "connections.rejected", displaced, Waits.FLOOR, "reason",
                DISPLACED)).as("stalled handshakes displaced, the last by the client's")
                .isEqualTo(displaced);
        assertThat(meters.count(METER + "connections.rejected", "reason", "too-many-connections")).isZero();
        assertThat(meters.count(METER + "connections.rejected", "reason", "too-many-handshakes")).isZero();
        assertThat(meters.count(METER + "connections.accepted")).isEqualTo(1);
        assertThat(meters.gauge(METER + "connections.handshaking")).as("stalled handshakes still under way")
                .isEqualTo(MAX_HANDSHAKES - 1);
    }

    /**
     * Waits until the receiver has accounted for {@code connections} stalled ones: open (under way), displaced or
     * refused. (A displaced one is briefly counted twice, open and displaced, which can only end the wait early;
     * the connections are accepted in the order they connected all the same.)
     */
    private void awaitAccounted(int connections) throws InterruptedException {
        long deadline = System.nanoTime() + Waits.FLOOR.toNanos();
        while (accounted() < connections && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
    }

    private long accounted() {
        return (long) meters.gauge(METER + "connections.open")
                + meters.count(METER + "connections.rejected", "reason", DISPLACED)
                + meters.count(METER + "connections.rejected", "reason", "too-many-connections")
                + meters.count(METER + "connections.rejected", "reason", "too-many-handshakes");
    }
}
