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
 * Failed connection attempts are spaced by the configured backoff ({@code <reconnectDelayMin>} 50 ms, {@code
 * <reconnectDelayMax>} 400 ms; what the waits are is {@link dev.logshield.tls.delivery.BackoffGrowsWithJitterUpToTheMaximumTest}'s
 * business). Seen from a peer that accepts TCP and closes at once (its accept times are the attempts) and counted
 * against a closed port ({@code logshield.tls.connect_failures}). On a busy machine an attempt can take any time, so
 * only what a delay can show is asserted: no wait is shorter than the minimum, later waits are longer than twice the
 * minimum on average (jitter up to the maximum averages 225 ms) and differ, and {@value #ATTEMPTS} attempts come
 * within a minute (a few seconds here; the default maximum of 30 s would take minutes).
 */
class ReconnectBacksOffWithJitterTest {

    private static final long MIN_MS = 50;
    private static final int ATTEMPTS = 20;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void attemptsAreSpacedIncreasinglyWithJitterUpToTheMaximum() throws Exception {
        TestPki pki = SharedPki.get();
        Set<Thread> before = MtlsThreads.alive();
        String closedPort = "127.0.0.1:" + closedPort();
        try (ScriptedPeer closing = ScriptedPeer.plain(ScriptedPeer.closeAtOnce()); TestMeters meters = TestMeters.register()) {
            long start = System.nanoTime();
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "closedPort", closedPort, "closingPeer", "127.0.0.1:" + closing.port(),
                    "clientCert", pki.client("client1").chain().toString(), "clientKey", pki.client("client1").key().toString(),
                    "caCert", pki.caCert().toString(), "registry", meters.name()));
            closing.awaitAccepted(ATTEMPTS, LIMIT);
            long refused = meters.awaitCount("logshield.tls.connect_failures", ATTEMPTS, LIMIT, "destination", closedPort);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            List<Long> accepted = closing.acceptedAtNanos();
            context.stop();
            MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));

            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < accepted.size(); i++) {
                gaps.add((accepted.get(i) - accepted.get(i - 1)) / 1_000_000);
            }
            System.out.printf("backoff %d..400 ms: %d attempts at a closing peer in %d ms, gaps %s ms; %d refused by a"
                    + " closed port%n", MIN_MS, accepted.size(), tookMs, gaps, refused);
            assertThat(refused).as("refused attempts within %s", LIMIT).isGreaterThanOrEqualTo(ATTEMPTS);
            assertThat(gaps).as("never below the minimum").allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(MIN_MS - 5));
            List<Long> later = gaps.subList(3, gaps.size());
            double laterMean = later.stream().mapToLong(Long::longValue).average().orElseThrow();
            assertThat(laterMean).as("later waits grow (mean of " + later + ")").isGreaterThan(2.0 * MIN_MS);
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
