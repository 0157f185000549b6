package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that ends its connection with a TCP reset instead of a close, as rsyslog's omfwd does at every stop (it
 * never reads, so the TLS 1.3 session tickets the receiver sent are still unread when it closes): between frames
 * nothing is lost, so the connection is counted {@code connections.closed{reason=client-reset}} with no status
 * warning; a reset that cuts a frame short stays an {@code error}, warned, and the frame is counted truncated.
 */
class ClientResetBetweenFramesIsAQuietCloseTest {

    private static final String NAME = "ClientResetBetweenFramesIsAQuietCloseTest";
    private static final String CLOSED = "logshield.receiver.connections.closed";
    private static final String OPEN = "logshield.receiver.connections.open";

    private final TestPki pki = SharedPki.get();
    private TestMeters meters;
    private LoggerContext context;
    private RawTlsClient client;

    @BeforeEach
    void connect() throws Exception {
        meters = TestMeters.register();
        context = ReceiverContexts.configure(NAME, pki, Map.of("registry", meters.name()));
        client = RawTlsClient.connect(pki, pki.client("client1"), ReceiverContexts.startedReceiver(context).localPort());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        context.stop();
        meters.close();
    }

    /** Until the connection's thread is done: counted, warned (or not) and its slot released. */
    private void awaitConnectionEnded() {
        assertThat(meters.awaitCount(CLOSED, 1, Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(meters.awaitGauge(OPEN, open -> open == 0, Duration.ofSeconds(10))).isZero();
    }

    @Test
    void aResetAfterWholeFramesIsCountedAsOneAndNotWarned() throws Exception {
        client.write(RawTlsClient.octetCounted("shop", "first") + RawTlsClient.octetCounted("shop", "second"));
        ReceiverContexts.received(context).await(2, Duration.ofSeconds(10));

        client.reset();

        awaitConnectionEnded();
        assertThat(meters.count(CLOSED, "reason", "client-reset")).as(meters.describe().toString()).isEqualTo(1);
        assertThat(meters.count("logshield.receiver.frames.dropped")).isZero();
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).isEmpty();
        assertThat(ReceiverContexts.received(context).events()).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("first", "second");
    }

    @Test
    void aResetInsideAFrameIsAnErrorAndTheFrameIsCountedTruncated() throws Exception {
        String whole = RawTlsClient.octetCounted("shop", "whole");
        String cut = RawTlsClient.octetCounted("shop", "cut short");
        cut = cut.substring(0, cut.length() - 5);
        client.write(whole + cut);
        long written = (whole + cut).getBytes(StandardCharsets.UTF_8).length;
        ReceiverContexts.received(context).await(1, Duration.ofSeconds(10));
        assertThat(meters.awaitCount("logshield.receiver.bytes", written, Duration.ofSeconds(10))).isEqualTo(written);

        client.reset();

        awaitConnectionEnded();
        assertThat(meters.count(CLOSED, "reason", "error")).as(meters.describe().toString()).isEqualTo(1);
        assertThat(meters.count("logshield.receiver.frames.dropped", "reason", "truncated")).isEqualTo(1);
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN))
                .anyMatch(s -> s.contains("client1.test") && s.contains("error"));
    }
}
