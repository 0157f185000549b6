package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.ScriptedPeer;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A peer that answers the ClientHello with plain text, or accepts TCP and never answers, is a handshake failure:
 * counted in {@code logshield.tls.handshake_failures} with a reason that says what happened, reported once, retried
 * with backoff, never an exception into the application; {@code stop()} is bounded even while a handshake is in
 * progress, and leaves no thread. Times are bounded from below (two handshake timeouts take at least their sum) or
 * against a wait a broken appender would make: where a handshake could be in progress at stop, its timeout is
 * minutes, and stop() must return within 30 s.
 */
class PeersThatDoNotSpeakTlsAreRefusedTest {

    private final TestPki pki = SharedPki.get();

    @Test
    void aPeerAnsweringWithPlainTextIsNotTls() {
        try (ScriptedPeer peer = ScriptedPeer.plain(ScriptedPeer.sendGarbage("HTTP/1.1 400 Bad Request\r\n\r\n"));
                TestMeters meters = TestMeters.register()) {
            Set<Thread> before = MtlsThreads.alive();
            LoggerContext context = configure(peer, "5 minutes", meters);
            context.getLogger("app").info("never delivered");
            peer.awaitAccepted(3, Duration.ofSeconds(5));
            assertThat(meters.awaitCount("logshield.tls.handshake_failures", 3, Duration.ofSeconds(2), "reason", "not-tls"))
                    .as(meters.describe().toString()).isGreaterThanOrEqualTo(3);
            List<String> errors = XmlConfiguredContext.errors(context);
            assertThat(errors).as("one report for several failures").hasSize(1);
            assertThat(errors.get(0)).contains("TLS refused (not-tls) to 127.0.0.1:" + peer.port(),
                    "Unsupported or unrecognized SSL message", "not TLS: a plaintext port?");
            stopPromptly(context, before);
        }
    }

    @Test
    void aPeerThatNeverAnswersTimesOut() {
        try (ScriptedPeer peer = ScriptedPeer.plain(ScriptedPeer.silent()); TestMeters meters = TestMeters.register()) {
            Set<Thread> before = MtlsThreads.alive();
            long start = System.nanoTime();
            LoggerContext context = configure(peer, "300 milliseconds", meters);
            context.getLogger("app").info("never delivered");
            assertThat(meters.awaitCount("logshield.tls.handshake_failures", 2, Duration.ofSeconds(5), "reason", "timeout"))
                    .as(meters.describe().toString()).isGreaterThanOrEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("two 300 ms handshake timeouts, at least")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(600));
            List<String> errors = XmlConfiguredContext.errors(context);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).contains("TLS refused (timeout) to 127.0.0.1:" + peer.port(),
                    "no answer within 300 ms (<handshakeTimeout>): is it a TLS port?");
            stopPromptly(context, before);
        }
    }

    @Test
    void aPeerThatResetsDuringTheHandshakeIsAHandshakeFailure() {
        ScriptedPeer.Script resetAfterClientHello = conversation -> {
            conversation.in().read(new byte[512]);
            conversation.socket().setSoLinger(true, 0);
            conversation.socket().close();
        };
        try (ScriptedPeer peer = ScriptedPeer.plain(resetAfterClientHello); TestMeters meters = TestMeters.register()) {
            Set<Thread> before = MtlsThreads.alive();
            LoggerContext context = configure(peer, "5 minutes", meters);
            context.getLogger("app").info("never delivered");
            peer.awaitAccepted(2, Duration.ofSeconds(5));
            assertThat(meters.awaitCount("logshield.tls.handshake_failures", 2, Duration.ofSeconds(2), "reason",
                    "handshake")).as(meters.describe().toString()).isGreaterThanOrEqualTo(2);
            List<String> errors = XmlConfiguredContext.errors(context);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).contains("TLS refused (handshake) to 127.0.0.1:" + peer.port(),
                    "ended the connection during the handshake");
            stopPromptly(context, before);
        }
    }

    @Test
    void stopIsBoundedDuringAHandshakeThatNeverEnds() {
        try (ScriptedPeer peer = ScriptedPeer.plain(ScriptedPeer.silent()); TestMeters meters = TestMeters.register()) {
            Set<Thread> before = MtlsThreads.alive();
            LoggerContext context = configure(peer, "5 minutes", meters);
            context.getLogger("app").info("never delivered");
            peer.awaitAccepted(1, Duration.ofSeconds(5));
            stopPromptly(context, before);
            assertThat(meters.count("logshield.tls.dropped", "reason", "undelivered-at-stop")).isEqualTo(1);
        }
    }

    private LoggerContext configure(ScriptedPeer peer, String handshakeTimeout, TestMeters meters) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "destination", "127.0.0.1:" + peer.port(), "clientCert", pki.client("client1").chain().toString(),
                "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                "handshakeTimeout", handshakeTimeout, "registry", meters.name()));
        assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).isTrue();
        return context;
    }

    /**
     * stopTimeout is 500 ms: stop() must return, within a limit generous for a busy machine (30 s) that a stop
     * waiting for the handshake in progress (minutes) would exceed by far, and leave no thread.
     */
    private static void stopPromptly(LoggerContext context, Set<Thread> before) {
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(30), context::stop, "stop() with a 500 ms stopTimeout");
        System.out.printf("stop() with a handshake in progress: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(1));
    }
}
