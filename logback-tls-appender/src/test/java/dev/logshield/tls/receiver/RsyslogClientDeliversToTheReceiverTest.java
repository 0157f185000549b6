package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.RsyslogForwarder;
import dev.logshield.tls.testing.RsyslogForwarder.Framing;
import dev.logshield.tls.testing.RsyslogForwarder.Options;
import dev.logshield.tls.testing.RsyslogForwarder.Template;
import dev.logshield.tls.testing.RsyslogForwarder.Transport;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real rsyslog as a client of the receiver, with its own client certificate ({@code rsyslog.test}) and checking
 * the receiver's by name ({@code x509/name}, permitted peer {@code localhost}): omfwd over TLS (GnuTLS) in both TCP
 * framings, octet-counted with the RFC 5424 template (whose LF rsyslog counts into each frame) and traditional LF
 * framing with the RFC 5424 or the RFC 3164-like {@code RSYSLOG_ForwardFormat} template, and omrelp over TLS (whose
 * payloads end with the template's LF too).
 * <ul>
 * <li>The receiver, framing {@code auto} for TCP, gets every message with its UTF-8 text, level, time, hostname,
 * app-name and procid, and {@code client.cn} from rsyslog's certificate, and drops no frame; rsyslog's stop is a
 * client close, not warned (omfwd's is often a TCP reset, see {@code ClientConnection}).</li>
 * <li>A stack trace sent octet-counted or over RELP stays one event.</li>
 * <li>Over RELP, what rsyslog was sent while the receiver restarted arrives after it (omrelp re-sends its window:
 * duplicates allowed).</li>
 * <li>A receiver that does not list rsyslog's name closes each of its connections, counted {@code not-allowed},
 * and gets no event.</li>
 * </ul>
 * Skipped when rsyslog or the transport's module is not installed.
 */
class RsyslogClientDeliversToTheReceiverTest {

    private static final String NAME = "RsyslogClientDeliversToTheReceiverTest";
    private static final int N = 40;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant SENT_TIME = Instant.parse("2024-05-01T10:00:00Z");
    /** Severities 3, 4, 6, 7 and the levels the receiver gives them. */
    private static final int[] SEVERITIES = {3, 4, 6, 7};
    private static final Level[] LEVELS = {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG};
    /** UTF-8 beyond Latin-1 and an astral character, as rsyslog forwards them unescaped. */
    private static final String TEXT = " \u2013 caf\u00e9 \u2713 \uD83D\uDD12";
    /** local4 */
    private static final int FACILITY = 20;

    @TempDir
    static Path shared;

    private static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(shared.resolve("pki"));
        pki.issueClient("rsyslog", "rsyslog.test");
    }

    /** RELP frames by itself: no TCP framing. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"TCP_TLS, OCTET_COUNTED, SYSLOG_PROTOCOL_23", "TCP_TLS, TRADITIONAL, SYSLOG_PROTOCOL_23",
            "TCP_TLS, TRADITIONAL, FORWARD", "RELP_TLS, , SYSLOG_PROTOCOL_23"})
    void everyMessageArrivesWithItsFieldsAndRsyslogsIdentity(Transport transport, Framing framing, Template template)
            throws Exception {
        assumeTrue(RsyslogForwarder.available(transport), "rsyslog with " + transport + " support is not installed");
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = receiver(transport, "rsyslog.test", meters);
            int port = ReceiverContexts.startedReceiver(context).localPort();
            Options options = options(port, transport).template(template);
            if (framing != null) {
                options.framing(framing);
            }
            try (RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options).start()) {
                rsyslog.send(messages());

                List<ILoggingEvent> events = await(ReceiverContexts.received(context), N, rsyslog);

                boolean rfc5424 = template == Template.SYSLOG_PROTOCOL_23;
                for (int i = 0; i < N; i++) {
                    ILoggingEvent event = events.get(i);
                    Map<String, String> mdc = event.getMDCPropertyMap();
                    int n = i;
                    Supplier<String> where = () -> "event " + n + " " + mdc + "; " + rsyslog.diagnostics();
                    assertThat(event.getFormattedMessage()).as(where).isEqualTo("message " + i + TEXT);
                    assertThat(event.getLevel()).as(where).isEqualTo(LEVELS[i % LEVELS.length]);
                    assertThat(event.getInstant()).as(where).isEqualTo(SENT_TIME);
                    assertThat(event.getLoggerName()).as(where).isEqualTo(rfc5424 ? "ORDERS" : "shop");
                    assertThat(mdc).as(where).containsEntry("syslog.hostname", "web-1.example")
                            .containsEntry("syslog.appname", "shop").containsEntry("syslog.procid", "42")
                            .containsEntry("syslog.facility", "local4")
                            .containsEntry("client.cn", "rsyslog.test")
                            .containsEntry("client.subject", "CN=rsyslog.test")
                            .containsEntry("client.spki", pki.client("rsyslog").spkiPin());
                    if (rfc5424) { // the RFC 3164-like template drops MSGID and structured data
                        assertThat(mdc).as(where).containsEntry("syslog.msgid", "ORDERS")
                                .containsEntry("order", Integer.toString(i));
                    }
                }
                assertThat(meters.awaitCount("logshield.receiver.events", N, Duration.ofSeconds(2),
                        "client", "rsyslog.test")).isEqualTo(N);
                assertThat(meters.count("logshield.receiver.frames.dropped")).as(meters.describe().toString()).isZero();
                assertThat(meters.count("logshield.receiver.connections.accepted")).isEqualTo(1);

                rsyslog.stop();
                await(() -> meters.count("logshield.receiver.connections.closed") >= 1
                        && meters.gauge("logshield.receiver.connections.open") == 0, "the connection to end", rsyslog);
                // omfwd never reads: when the TLS 1.3 session tickets are still unread its close is a TCP reset
                assertThat(meters.count("logshield.receiver.connections.closed", "reason", "client-closed")
                        + meters.count("logshield.receiver.connections.closed", "reason", "client-reset"))
                        .as("rsyslog's stop is the client's close; %s", meters.describe()).isEqualTo(1);
                assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).isEmpty();
            } finally {
                context.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aStackTraceSentOctetCountedStaysOneEvent(Transport transport) throws Exception {
        assumeTrue(RsyslogForwarder.available(transport), "rsyslog with " + transport + " support is not installed");
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = receiver(transport, "rsyslog.test", meters);
            int port = ReceiverContexts.startedReceiver(context).localPort();
            try (RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(port, transport)).start()) {
                String trace = "payment failed\njava.lang.IllegalStateException: card declined\n"
                        + "\tat com.example.Shop.pay(Shop.java:42)";
                rsyslog.send("<163>1 2024-05-01T10:00:00Z web-1.example shop 42 ORDERS - " + trace);

                List<ILoggingEvent> events = await(ReceiverContexts.received(context), 1, rsyslog);
                assertThat(events).extracting(ILoggingEvent::getFormattedMessage).as(rsyslog.diagnostics())
                        .containsExactly(trace);
                assertThat(events.get(0).getLevel()).isEqualTo(Level.ERROR);
            } finally {
                context.stop();
            }
        }
    }

    @Test
    void relpMessagesSentWhileTheReceiverRestartsArriveAfterIt() throws Exception {
        assumeTrue(RsyslogForwarder.available(Transport.RELP_TLS), "rsyslog with omrelp over TLS is not installed");
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext first = receiver(Transport.RELP_TLS, "rsyslog.test", meters);
            int port = ReceiverContexts.startedReceiver(first).localPort();
            try (RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(port, Transport.RELP_TLS)).start()) {
                List<String> messages = messages();
                rsyslog.send(messages.subList(0, N / 2));
                ReceivedEvents beforeRestart = ReceiverContexts.received(first);
                await(beforeRestart, N / 2, rsyslog);
                first.stop();
                rsyslog.send(messages.subList(N / 2, N));
                LoggerContext second = ReceiverContexts.configure(NAME, pki, Map.of("allowedName", "rsyslog.test",
                        "framing", "relp", "registry", meters.name(), "port", Integer.toString(port)));
                try {
                    ReceiverContexts.startedReceiver(second);
                    ReceivedEvents afterRestart = ReceiverContexts.received(second);
                    // omrelp may notice the broken session only when it has something new to send
                    String nudge = "<167>1 2024-05-01T10:00:00Z web-1.example shop 42 NUDGE - nudge";
                    rsyslog.keepSendingUntil(nudge, () -> messagesOf(beforeRestart, afterRestart).containsAll(texts(0, N)), WAIT);

                    List<String> received = messagesOf(beforeRestart, afterRestart);
                    assertThat(received.stream().filter(m -> !m.equals("nudge")).distinct())
                            .as(rsyslog.diagnostics()).containsExactlyElementsOf(texts(0, N));
                    assertThat(meters.count("logshield.receiver.frames.dropped")).isZero();
                    System.out.printf("omrelp across a receiver restart: %d events for %d messages (%d nudges)%n",
                            received.size(), N, received.stream().filter(m -> m.equals("nudge")).count());
                } finally {
                    second.stop();
                }
            } finally {
                first.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aReceiverThatDoesNotListRsyslogGetsNothing(Transport transport) throws Exception {
        assumeTrue(RsyslogForwarder.available(transport), "rsyslog with " + transport + " support is not installed");
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = receiver(transport, "client1.test", meters);
            int port = ReceiverContexts.startedReceiver(context).localPort();
            try (RsyslogForwarder rsyslog = RsyslogForwarder.prepare(dir, options(port, transport)).start()) {
                rsyslog.send(messages());

                await(() -> meters.count("logshield.receiver.connections.rejected", "reason", "not-allowed") >= 1,
                        "a connection refused as not-allowed", rsyslog);
                // omfwd retries every second; omrelp gives up or retries: give either time to send anything it would
                Thread.sleep(2_000);
                assertThat(ReceiverContexts.received(context).events()).as(rsyslog.diagnostics()).isEmpty();
                assertThat(meters.count("logshield.receiver.connections.accepted")).isZero();
                assertThat(meters.count("logshield.receiver.bytes")).isZero();
                assertThat(meters.count("logshield.receiver.connections.rejected"))
                        .isEqualTo(meters.count("logshield.receiver.connections.rejected", "reason", "not-allowed"));
            } finally {
                context.stop();
            }
        }
    }

    private static LoggerContext receiver(Transport transport, String allowedName, TestMeters meters) {
        return ReceiverContexts.configure(NAME, pki, Map.of("allowedName", allowedName,
                "framing", transport == Transport.RELP_TLS ? "relp" : "auto", "registry", meters.name()));
    }

    private static Options options(int port, Transport transport) {
        return Options.to("127.0.0.1", port).transport(transport).trust(pki.caCert())
                .identity(pki.client("rsyslog")).permittedPeers("localhost");
    }

    /** RFC 5424 lines from host web-1.example, app shop, procid 42, MSGID ORDERS, with one structured-data field. */
    private static List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            int pri = FACILITY * 8 + SEVERITIES[i % SEVERITIES.length];
            messages.add("<" + pri + ">1 2024-05-01T10:00:00Z web-1.example shop 42 ORDERS [mdc@32473 order=\"" + i
                    + "\"] message " + i + TEXT);
        }
        return messages;
    }

    private static List<String> texts(int from, int to) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            texts.add("message " + i + TEXT);
        }
        return texts;
    }

    /** The messages the receivers got, in order of arrival. */
    private static List<String> messagesOf(ReceivedEvents... receivers) {
        List<String> messages = new ArrayList<>();
        for (ReceivedEvents received : receivers) {
            received.events().forEach(e -> messages.add(e.getFormattedMessage()));
        }
        return messages;
    }

    private static List<ILoggingEvent> await(ReceivedEvents received, int count, RsyslogForwarder rsyslog) {
        try {
            return received.await(count, WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; " + rsyslog.diagnostics(), e);
        }
    }

    private static void await(BooleanSupplier condition, String what, RsyslogForwarder rsyslog)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT + " for " + what + "; " + rsyslog.diagnostics());
            }
            Thread.sleep(20);
        }
    }
}
