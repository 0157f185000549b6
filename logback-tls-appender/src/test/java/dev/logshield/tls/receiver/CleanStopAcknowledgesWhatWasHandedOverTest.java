package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A clean stop of the receiver (its context stopped) while a RELP client streams: the session reads no command
 * after the one in hand, acknowledges every event it handed to the appenders, sends {@code serverclose} and only
 * then closes, so the client has nothing to resend that the appenders already got; and the stop returns within
 * {@code <stopTimeout>}, even when a slow appender keeps the session waiting (it is then closed unanswered, and
 * what was still queued is counted as dropped). A session idle in a read has everything acknowledged already and is closed at once (at
 * most after the {@code serverclose} hint).
 */
class CleanStopAcknowledgesWhatWasHandedOverTest {

    private static final String NAME = "CleanStopAcknowledgesWhatWasHandedOverTest";
    private static final String OPEN = "relp_version=0\nrelp_software=test,1\ncommands=syslog";
    /**
     * Long: a stop that waited for it where it should not (an idle session) takes a minute, far beyond what the test
     * allows; a busy machine never makes the stops that must finish within it come near it.
     */
    private static final long STOP_TIMEOUT_MILLIS = 60_000;
    /** How long an answer or a close of the receiver is awaited: only one that never comes waits that long. */
    private static final int ANSWER_MILLIS = 60_000;

    private final TestPki pki = SharedPki.get();

    @Test
    void everyEventTheAppendersGotIsAcknowledgedBeforeServerclose() throws Exception {
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(meters, "1");
            ReceivedEvents received = ReceiverContexts.received(context);
            int port = ReceiverContexts.startedReceiver(context).localPort();
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
                client.write(RawTlsClient.relp(1, "open", OPEN));
                assertThat(client.readRelp(30_000)).startsWith("1 rsp 200 OK");
                CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(() -> stream(client));
                CompletableFuture<List<String>> answers = CompletableFuture.supplyAsync(() -> answers(client));
                received.await(message -> message.equals("event 100"), Duration.ofSeconds(10));

                long start = System.nanoTime();
                context.stop();
                long stopMillis = (System.nanoTime() - start) / 1_000_000;

                List<String> frames = answers.get(2 * ANSWER_MILLIS, TimeUnit.MILLISECONDS);
                int sent = sending.get(2 * ANSWER_MILLIS, TimeUnit.MILLISECONDS);
                Set<String> acknowledged = new TreeSet<>();
                for (String frame : frames.subList(0, frames.size() - 1)) {
                    assertThat(frame).as("only acknowledgements before the last frame").endsWith(" rsp 200 OK");
                    acknowledged.add("event " + frame.substring(0, frame.indexOf(' ')));
                }
                Set<String> handedOver = new TreeSet<>();
                for (ILoggingEvent event : received.events()) {
                    handedOver.add(event.getFormattedMessage());
                }
                System.out.printf("clean stop in %d ms: %,d commands sent, %,d events handed to the appenders, %,d"
                        + " acknowledged, last frame '%s'%n", stopMillis, sent, handedOver.size(), acknowledged.size(),
                        frames.get(frames.size() - 1));

                assertThat(frames.get(frames.size() - 1)).as("the last frame before the close").isEqualTo(
                        "0 serverclose ");
                assertThat(handedOver.size()).as("stopped mid-stream").isLessThan(sent);
                assertThat(acknowledged).as("acknowledged exactly what the appenders got").isEqualTo(handedOver);
                assertThat(frameTxnrsInOrder(frames)).as("acknowledgements in txnr order").isTrue();
                assertThat(stopMillis).as("stop within <stopTimeout>").isLessThan(STOP_TIMEOUT_MILLIS);
                assertThat(meters.count("logshield.receiver.frames.dropped", "reason", "shutdown")).isZero();
                assertThat(meters.count("logshield.receiver.connections.closed", "reason", "shutdown")).isEqualTo(1);
            }
        }
    }

    @Test
    void aSlowAppenderCannotHoldTheStopPastItsTimeout() throws Exception {
        try (TestMeters meters = TestMeters.register()) {
            // 2 s per event: a stop that waited for the 200 queued events instead of its 300 ms timeout takes minutes
            LoggerContext context = ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(),
                    "delayMillis", "2000", "stopTimeout", "300 milliseconds"));
            ReceivedEvents received = ReceiverContexts.received(context);
            int port = ReceiverContexts.startedReceiver(context).localPort();
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
                client.write(RawTlsClient.relp(1, "open", OPEN));
                assertThat(client.readRelp(30_000)).startsWith("1 rsp 200 OK");
                CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(() -> stream(client));
                CompletableFuture<List<String>> answers = CompletableFuture.supplyAsync(() -> answers(client));
                received.await(message -> message.equals("event 2"), Duration.ofSeconds(10));
                meters.awaitGauge("logshield.receiver.queue.size", queued -> queued > 0, Duration.ofSeconds(10));

                long start = System.nanoTime();
                context.stop();
                long stopMillis = (System.nanoTime() - start) / 1_000_000;

                List<String> frames = answers.get(2 * ANSWER_MILLIS, TimeUnit.MILLISECONDS);
                sending.get(2 * ANSWER_MILLIS, TimeUnit.MILLISECONDS);
                Set<String> handedOver = new TreeSet<>();
                received.events().forEach(event -> handedOver.add(event.getFormattedMessage()));
                long dropped = meters.count("logshield.receiver.frames.dropped", "reason", "shutdown");
                System.out.printf("forced stop in %d ms: %,d events handed to the appenders, %,d answers, %,d dropped"
                        + " at shutdown%n", stopMillis, handedOver.size(), frames.size(), dropped);

                assertThat(stopMillis).as("<stopTimeout> 300 ms plus the bounded joins (generous, for a busy machine)")
                        .isLessThan(30_000);
                assertThat(dropped).as("the queued events the appender could not take in time").isPositive();
                for (String frame : frames) {
                    if (frame.endsWith(" rsp 200 OK")) {
                        assertThat(handedOver).as("acknowledged only once handed over")
                                .contains("event " + frame.substring(0, frame.indexOf(' ')));
                    }
                }
            }
        }
    }

    @Test
    void aSessionWaitingForTheClientIsClosedAtOnce() throws Exception {
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = configure(meters, "0");
            ReceivedEvents received = ReceiverContexts.received(context);
            int port = ReceiverContexts.startedReceiver(context).localPort();
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
                client.write(RawTlsClient.relp(1, "open", OPEN) + RawTlsClient.relp(2, "syslog",
                        "<14>1 - host app - idle - event 2"));
                assertThat(client.readRelp(30_000)).startsWith("1 rsp 200 OK");
                assertThat(client.readRelp(30_000)).isEqualTo("2 rsp 200 OK");

                long start = System.nanoTime();
                context.stop();
                long stopMillis = (System.nanoTime() - start) / 1_000_000;

                assertThat(stopMillis).as("no wait for an idle session (waiting would take the %d ms stopTimeout)",
                        STOP_TIMEOUT_MILLIS).isLessThan(STOP_TIMEOUT_MILLIS / 3);
                long closing = System.nanoTime();
                List<String> last = answers(client);
                assertThat((System.nanoTime() - closing) / 1_000_000).as("closed by the receiver, not timed out")
                        .isLessThan(ANSWER_MILLIS / 2);
                // closed in its read, or (when the stop came before that read) after the serverclose hint
                assertThat(last).isSubsetOf("0 serverclose ");
                assertThat(received.events()).hasSize(1);
                assertThat(meters.count("logshield.receiver.connections.closed", "reason", "shutdown")).isEqualTo(1);
            }
        }
    }

    private LoggerContext configure(TestMeters meters, String delayMillis) {
        return ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(), "delayMillis", delayMillis,
                "stopTimeout", STOP_TIMEOUT_MILLIS + " milliseconds"));
    }

    /** Sends {@code syslog} commands 2, 3, ... (payload {@code event <txnr>}) until the connection fails. */
    private static int stream(RawTlsClient client) {
        int txnr = 2;
        try {
            while (txnr < 999_999_999) {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < 1_000; i++, txnr++) {
                    batch.append(RawTlsClient.relp(txnr, "syslog", "<14>1 - host app - stream - event " + txnr));
                }
                client.write(batch.toString());
            }
        } catch (IOException e) {
            // the receiver closed the connection
        }
        return txnr - 2;
    }

    /** Every frame the receiver sends until it closes the connection. */
    private static List<String> answers(RawTlsClient client) {
        List<String> frames = new ArrayList<>();
        try {
            while (true) {
                frames.add(client.readRelp(ANSWER_MILLIS));
            }
        } catch (IOException e) {
            return frames;
        }
    }

    private static boolean frameTxnrsInOrder(List<String> frames) {
        long last = 1;
        for (String frame : frames.subList(0, frames.size() - 1)) {
            long txnr = Long.parseLong(frame.substring(0, frame.indexOf(' ')));
            if (txnr <= last) {
                return false;
            }
            last = txnr;
        }
        return true;
    }
}
