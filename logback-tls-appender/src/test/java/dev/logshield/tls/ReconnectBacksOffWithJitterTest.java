package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.ScriptedPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Failed connection attempts are spaced by exponential backoff with jitter: the first wait is
 * {@code <reconnectDelayMin>}, later ones random and growing, none longer than {@code <reconnectDelayMax>}. Seen
 * from a peer that accepts TCP and closes at once (its accept times are the attempts) and counted against a closed
 * port ({@code logshield.tls.connect_failures}), over the same three seconds.
 */
class ReconnectBacksOffWithJitterTest {

    private static final long MIN_MS = 50;
    private static final long MAX_MS = 400;
    private static final Duration WATCH = Duration.ofSeconds(3);

    @Test
    void attemptsAreSpacedIncreasinglyWithJitterUpToTheMaximum() throws Exception {
        TestPki pki = SharedPki.get();
        Set<Thread> before = MtlsThreads.alive();
        String closedPort = "127.0.0.1:" + closedPort();
        try (ScriptedPeer closing = ScriptedPeer.plain(ScriptedPeer.closeAtOnce()); TestMeters meters = TestMeters.register()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "closedPort", closedPort, "closingPeer", "127.0.0.1:" + closing.port(),
                    "clientCert", pki.client("client1").chain().toString(), "clientKey", pki.client("client1").key().toString(),
                    "caCert", pki.caCert().toString(), "registry", meters.name()));
            Thread.sleep(WATCH.toMillis());
            List<Long> accepted = closing.acceptedAtNanos();
            long refused = meters.count("logshield.tls.connect_failures", "destination", closedPort);
            context.stop();
            MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));

            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < accepted.size(); i++) {
                gaps.add((accepted.get(i) - accepted.get(i - 1)) / 1_000_000);
            }
            System.out.printf("backoff %d..%d ms: %d attempts at a closing peer, gaps %s ms; %d refused by a closed port"
                    + " in %s%n", MIN_MS, MAX_MS, accepted.size(), gaps, refused, WATCH);
            // constant 50 ms would be 60 attempts, constant 400 ms 7
            assertThat(accepted.size()).as("attempts in " + WATCH).isBetween(5, 30);
            assertThat(refused).as("refused attempts in " + WATCH).isBetween(5L, 30L);
            assertThat(gaps.get(0)).as("first wait: the minimum").isBetween(MIN_MS - 5, MIN_MS + 100);
            assertThat(gaps).as("never below the minimum, never far above the maximum")
                    .allSatisfy(gap -> assertThat(gap).isBetween(MIN_MS - 5, MAX_MS + 250));
            List<Long> later = gaps.subList(3, gaps.size());
            double laterMean = later.stream().mapToLong(Long::longValue).average().orElseThrow();
            assertThat(laterMean).as("later waits grow (mean of " + later + ")").isGreaterThan(2.0 * gaps.get(0));
            long spread = later.stream().mapToLong(Long::longValue).max().orElseThrow()
                    - later.stream().mapToLong(Long::longValue).min().orElseThrow();
            assertThat(spread).as("jitter: later waits differ").isGreaterThan(30);
        }
    }

    /** A loopback port nobody listens on (bound, then released). */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
