package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.tls.testing.ClosedAfterEach;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The receiver's side of RELP, driven by hand: {@code open} is answered with {@code 200 OK} and offers granting
 * {@code syslog}; a {@code syslog} command is acknowledged only once its event has been handed to the appenders
 * (a slow appender delays the {@code rsp}); a window of commands sent at once is acknowledged in transaction order;
 * a payload that is not syslog is acknowledged {@code 200 OK} (so the client does not resend it forever) and counted
 * as dropped; {@code close} is answered and the connection closed; a command before {@code open} gets a
 * {@code 500} and the connection ends.
 */
class RelpAcknowledgesDispatchedEventsTest {

    private static final String NAME = "RelpAcknowledgesDispatchedEventsTest";
    private static final String OPEN = "relp_version=0\nrelp_software=test,1\ncommands=syslog";

    private final TestPki pki = SharedPki.get();
    @RegisterExtension
    final ClosedAfterEach cleanup = new ClosedAfterEach();
    private final TestMeters meters = cleanup.close(TestMeters.register());
    private LoggerContext context;

    @Test
    void anEventIsAcknowledgedOnlyOnceDispatched() throws Exception {
        int port = start("400");
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            client.write(RawTlsClient.relp(1, "open", OPEN));
            assertThat(client.readRelp(30_000)).isEqualTo("1 rsp 200 OK\nrelp_version=0\nrelp_software=logshield,0.1\n"
                    + "commands=syslog");
            long sent = System.nanoTime();
            client.write(RawTlsClient.relp(2, "syslog", "<14>1 - host app - audit - paid"));
            assertThat(client.readRelp(30_000)).isEqualTo("2 rsp 200 OK");
            long ackMillis = (System.nanoTime() - sent) / 1_000_000;
            assertThat(ackMillis).as("acknowledged after the 400 ms appender returned").isGreaterThanOrEqualTo(380);
            assertThat(ReceiverContexts.received(context).events()).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("paid");

            client.write(RawTlsClient.relp(3, "close", ""));
            assertThat(client.readRelp(30_000)).isEqualTo("3 rsp ");
            assertThat(client.closedByServer(30_000)).isTrue();
        }
    }

    @Test
    void aWindowIsAcknowledgedInOrderAndGarbageIsAcknowledgedButDropped() throws Exception {
        int port = start("0");
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            StringBuilder window = new StringBuilder(RawTlsClient.relp(1, "open", OPEN));
            for (int txnr = 2; txnr <= 21; txnr++) {
                window.append(RawTlsClient.relp(txnr, "syslog", txnr == 10 ? "not syslog at all"
                        : "<14>1 - host app - window - event " + txnr));
            }
            client.write(window.toString());
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                answers.add(client.readRelp(30_000));
            }
            assertThat(answers.get(0)).startsWith("1 rsp 200 OK");
            for (int txnr = 2; txnr <= 21; txnr++) {
                assertThat(answers.get(txnr - 1)).isEqualTo(txnr + " rsp 200 OK");
            }
            List<ILoggingEvent> events = ReceiverContexts.received(context).await(19, Duration.ofSeconds(5));
            assertThat(events).hasSize(19).first().extracting(ILoggingEvent::getFormattedMessage).isEqualTo("event 2");
            assertThat(events.get(18).getFormattedMessage()).isEqualTo("event 21");
            assertThat(meters.count("logshield.receiver.frames.dropped", "reason", "unparsable-syslog")).isEqualTo(1);
        }
    }

    @Test
    void aCommandBeforeOpenEndsTheSession() throws Exception {
        int port = start("0");
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"), port)) {
            client.write(RawTlsClient.relp(1, "syslog", "<14>1 - host app - early - too early"));
            assertThat(client.readRelp(30_000)).isEqualTo("1 rsp 500 no open command yet");
            assertThatThrownBy(() -> client.readRelp(30_000)).isInstanceOf(IOException.class);
        }
        assertThat(meters.awaitCount("logshield.receiver.connections.closed", 1, Duration.ofSeconds(2),
                "reason", "framing-lost")).isEqualTo(1);
        assertThat(meters.count("logshield.receiver.frames.dropped", "reason", "relp-protocol")).isEqualTo(1);
        assertThat(ReceiverContexts.received(context).events()).isEmpty();
    }

    private int start(String delayMillis) {
        context = cleanup.stop(ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name(),
                "delayMillis", delayMillis)));
        return ReceiverContexts.startedReceiver(context).localPort();
    }
}
