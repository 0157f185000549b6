package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.RelpCommand;
import dev.logshield.tls.testing.ScriptedPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A collector that stops reading, so that the sender thread blocks in a write on the full TCP window, and then
 * closes its side of the connection (TLS close_notify and FIN, as a collector shutting down does before it drains
 * its socket): the session's reader thread sees the close, and ending the connection must also end the blocked
 * write, so that the sender reconnects instead of staying blocked until {@code stop()}. (Closing the TLS socket
 * alone would wait for the write lock that the blocked writer holds.)
 */
class ClosingCollectorUnblocksAStuckSenderTest {

    private final TestPki pki = SharedPki.get();

    @ParameterizedTest
    @ValueSource(strings = {"octet-counting", "relp"})
    void theSenderReconnectsWhenAStalledCollectorCloses(String framing) throws Exception {
        CountDownLatch senderBlocked = new CountDownLatch(1);
        ScriptedPeer.Script stallThenClose = conversation -> {
            if (conversation.index() == 0) {
                if (framing.equals("relp")) {
                    RelpCommand open = RelpCommand.read(conversation.in());
                    conversation.out().write(open.answer("200 OK\nrelp_version=0\ncommands=syslog"));
                    conversation.out().flush();
                }
                await(senderBlocked);
                conversation.socket().shutdownOutput();
                while (!conversation.socket().isClosed()) {
                    pause(20);
                }
                return;
            }
            if (framing.equals("relp")) {
                acknowledgeEverything(conversation);
            } else {
                conversation.readAll();
            }
        };
        Set<Thread> before = MtlsThreads.alive();
        try (ScriptedPeer peer = ScriptedPeer.tls(pki, 4096, stallThenClose); TestMeters meters = TestMeters.register()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "127.0.0.1:" + peer.port(), "framing", framing,
                    "clientCert", pki.client("client1").chain().toString(), "clientKey", pki.client("client1").key().toString(),
                    "caCert", pki.caCert().toString(), "registry", meters.name()));
            Logger logger = context.getLogger("app");
            char[] filler = new char[1_000];
            Arrays.fill(filler, 'x');
            String kilobyte = new String(filler);
            for (int i = 0; i < 10_000; i++) {
                logger.info("{} {}", i, kilobyte);
            }
            MtlsThreads.awaitBlockedInSocketWrite("logshield-mtls-SHIP", Duration.ofSeconds(5));
            senderBlocked.countDown();
            assertThat(meters.awaitCount("logshield.tls.reconnects", 2, Duration.ofSeconds(5)))
                    .as("reconnected after the stalled collector closed " + meters.describe()).isEqualTo(2);
            logger.info("after the reconnect");
            peer.awaitReceived("after the reconnect", Duration.ofSeconds(10));
            assertThat(XmlConfiguredContext.statuses(context, 0)).anySatisfy(s -> assertThat(s)
                    .contains("disconnected from 127.0.0.1:" + peer.port(), "the collector closed the connection"));
            context.stop();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }

    private static void acknowledgeEverything(ScriptedPeer.Conversation conversation) throws java.io.IOException {
        OutputStream out = conversation.out();
        while (true) {
            RelpCommand command = RelpCommand.read(conversation.in());
            if (command.command().equals("open")) {
                out.write(command.answer("200 OK\nrelp_version=0\ncommands=syslog"));
            } else {
                byte[] event = command.data();
                conversation.record(event, 0, event.length);
                out.write(command.answer("200 OK"));
            }
            out.flush();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
