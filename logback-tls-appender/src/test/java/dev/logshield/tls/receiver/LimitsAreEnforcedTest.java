package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.Waits;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limits act, each counted under its own reason: stalled handshakes per address and connections in total are
 * refused at accept time, before any TLS; a second connection beyond {@code <maxConnectionsPerClient>} is refused after
 * the handshake; a frame over {@code <maxFrameSize>} is dropped while the connection goes on; a frame trickling in
 * past {@code <frameTimeout>} and a connection silent past {@code <idleTimeout>} are closed. Each outcome is told by
 * its counted reason; times are only bounded from below (never closed before the timeout) or by a limit the
 * alternative would exceed by far (a refusal "at once" within 30 s, where a stalled handshake lasts 2 minutes), so a
 * busy machine does not fail them.
 */
class LimitsAreEnforcedTest {

    private static final String NAME = "LimitsAreEnforcedTest";

    private final TestPki pki = SharedPki.get();
    private final TestMeters meters = TestMeters.register();
    private final List<Socket> sockets = new ArrayList<>();
    private LoggerContext context;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (context != null) {
            context.stop();
        }
        meters.close();
    }

    @Test
    void stalledHandshakesPerAddressAreBoundedBeforeTls() throws Exception {
        int port = start(16, 2, "1 minute");
        sockets.add(new Socket("127.0.0.1", port));
        sockets.add(new Socket("127.0.0.1", port));
        assertThat(closedAtOnce(port)).as("a third stalled handshake from this address").isTrue();
        assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 1, Duration.ofSeconds(2),
                "reason", "too-many-handshakes")).isEqualTo(1);
        sockets.remove(0).close();
        long deadline = System.nanoTime() + Waits.FLOOR.toNanos();
        while (meters.gauge("logshield.receiver.connections.open") > 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            client.write(RawTlsClient.octetCounted("limits", "served once a slot is free"));
            ReceiverContexts.received(context).await(1, Duration.ofSeconds(5));
        }
    }

    @Test
    void connectionsInTotalAreBoundedBeforeTls() throws Exception {
        int port = start(2, 8, "1 minute");
        // each admitted by the receiver before the next comes: the client's side of a TLS 1.3 handshake ends before
        // the receiver's, and with maxConnections 2 a single handshake may be under way (maxHandshakes 1)
        try (RawTlsClient first = admitted(RawTlsClient.connect(pki, pki.client("client1"), port), 1);
                RawTlsClient second = admitted(RawTlsClient.connect(pki, pki.client("client2"), port), 2)) {
            assertThat(closedAtOnce(port)).as("a third connection over maxConnections 2").isTrue();
            assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 1, Duration.ofSeconds(2),
                    "reason", "too-many-connections")).isEqualTo(1);
            first.write(RawTlsClient.octetCounted("limits", "first"));
            second.write(RawTlsClient.octetCounted("limits", "second"));
            assertThat(ReceiverContexts.received(context).await(2, Duration.ofSeconds(5))).hasSize(2);
        }
    }

    @Test
    void aClientGetsItsConnectionLimit() throws Exception {
        int port = start(16, 8, "1 minute");
        try (RawTlsClient first = RawTlsClient.connect(pki, pki.client("client1"), port);
                RawTlsClient second = RawTlsClient.connect(pki, pki.client("client1"), port);
                RawTlsClient other = RawTlsClient.connect(pki, pki.client("client2"), port)) {
            assertThat(second.closedByServer(30_000)).as("refused after the handshake; else idle for a minute")
                    .isTrue();
            assertThat(meters.awaitCount("logshield.receiver.connections.rejected", 1, Duration.ofSeconds(2),
                    "reason", "too-many-client-connections")).isEqualTo(1);
            first.write(RawTlsClient.octetCounted("limits", "first"));
            other.write(RawTlsClient.octetCounted("limits", "other"));
            assertThat(ReceiverContexts.received(context).await(2, Duration.ofSeconds(5)))
                    .extracting(ILoggingEvent::getFormattedMessage).containsExactlyInAnyOrder("first", "other");
        }
    }

    @Test
    void anOversizeFrameIsDroppedAndTheConnectionGoesOn() throws Exception {
        int port = start(16, 8, "1 minute");
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            client.write(RawTlsClient.octetCounted("limits", "x".repeat(2048)) + RawTlsClient.octetCounted("limits", "after"));
            assertThat(ReceiverContexts.received(context).await(1, Duration.ofSeconds(5)))
                    .extracting(ILoggingEvent::getFormattedMessage).containsExactly("after");
            assertThat(meters.count("logshield.receiver.frames.dropped", "reason", "oversize")).isEqualTo(1);
        }
    }

    @Test
    void aFrameTricklingInIsCutAtTheFrameTimeout() throws Exception {
        int port = start(16, 8, "1 minute");
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            // at least 100 ms per byte: the frame takes half a minute to send, the frame timeout is 500 ms
            String frame = RawTlsClient.octetCounted("limits", "slow " + "x".repeat(300));
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < frame.length() && !closed; i++) {
                try {
                    client.write(frame.substring(i, i + 1));
                } catch (IOException e) {
                    closed = true;
                }
                closed = closed || client.closedByServer(100);
            }
            assertThat(closed).as("closed before the frame was complete").isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).as("not before the frame timeout")
                    .isGreaterThanOrEqualTo(400L);
        }
        assertThat(meters.awaitCount("logshield.receiver.connections.closed", 1, Duration.ofSeconds(2),
                "reason", "frame-timeout")).isEqualTo(1);
        assertThat(meters.count("logshield.receiver.frames.dropped", "reason", "truncated")).isEqualTo(1);
        assertThat(ReceiverContexts.received(context).events()).isEmpty();
    }

    @Test
    void aSilentClientIsClosedAtTheIdleTimeout() throws Exception {
        int port = start(16, 8, "500 milliseconds");
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            long start = System.nanoTime();
            assertThat(client.closedByServer(30_000)).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).as("not before the idle timeout")
                    .isGreaterThanOrEqualTo(300L);
        }
        assertThat(meters.awaitCount("logshield.receiver.connections.closed", 1, Duration.ofSeconds(2),
                "reason", "idle-timeout")).isEqualTo(1);
    }

    private int start(int maxConnections, int maxHandshakesPerAddress, String idleTimeout) {
        context = ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(),
                "maxConnections", Integer.toString(maxConnections),
                "maxHandshakesPerAddress", Integer.toString(maxHandshakesPerAddress), "idleTimeout", idleTimeout));
        return ReceiverContexts.startedReceiver(context).localPort();
    }

    /** {@code client}, once the receiver has accepted {@code accepted} connections in all. */
    private RawTlsClient admitted(RawTlsClient client, long accepted) {
        assertThat(meters.awaitCount("logshield.receiver.connections.accepted", accepted, Waits.FLOOR))
                .as("connections accepted").isEqualTo(accepted);
        return client;
    }

    /** Whether a new TCP connection is closed by the receiver well before the 5 s handshake timeout. */
    private static boolean closedAtOnce(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            try {
                return socket.getInputStream().read() < 0;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }
}
