package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.SyslogNgPeer;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.VariedMessages;
import dev.logshield.tls.testing.Waits;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why README says to pair syslog-ng's {@code network()} source with {@code <framing>newline</framing>}: the default
 * octet-counted frames (RFC 5425, no newline) sent into {@code network(transport("tls"))} arrive, but not as events.
 * {@code network()} splits on newlines only, so it cuts the stream every {@code log-msg-size} bytes (and once more at
 * the close): every byte is there, in order, yet a few messages hold thousands of events with their length prefixes
 * inside the text, cut wherever the byte count falls (inside a UTF-8 character too). The appender cannot tell: it
 * reports no error. Measured with {@code log-msg-size(262144)}: 2,000 events arrived as 3 messages.
 */
class OctetCountingIntoSyslogNgNetworkSourceIsMisframedTest {

    private static final int EVENTS = 2_000;

    @TempDir
    Path dir;

    @Test
    void octetCountedEventsArriveAsAFewMisframedMessages() throws Exception {
        assumeTrue(SyslogNgPeer.available(), "syslog-ng is neither installed nor unpacked (.ci/run unpacks it)");
        TestPki pki = SharedPki.get();
        try (SyslogNgPeer syslogNg = SyslogNgPeer.prepare(dir.resolve("syslog-ng"), SyslogNgPeer.Source.NETWORK_TLS,
                pki.caCert(), pki.server().cert(), pki.server().key()).start()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", syslogNg.destination(), "clientCert", pki.client("client1").cert().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString()));
            List<String> sent = VariedMessages.of(EVENTS);
            sent.forEach(context.getLogger("com.example.shop.Orders")::info);
            context.stop(); // sends everything and closes: syslog-ng then passes on the rest of its buffer

            // the messages, put back together, are the whole octet-counted stream
            List<String> frames = awaitFrames(syslogNg, EVENTS, Duration.ofSeconds(60));
            assertThat(frames).hasSize(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                assertThat(frames.get(i)).as("frame %d", i).startsWith("<166>1 ").endsWith(" " + sent.get(i));
            }
            // ...but syslog-ng made a few messages of it, cut by byte count, length prefixes inside
            List<String> raw = syslogNg.rawMessages();
            assertThat(raw.size()).as("messages syslog-ng made of %d events", EVENTS).isLessThan(EVENTS / 100);
            assertThat(raw.get(0)).as("the first message").matches("(?s)\\d+ <166>1 .*")
                    .containsPattern("of the framing check\\d+ <166>1 ");
            assertThat(XmlConfiguredContext.errors(context)).as("what the appender could see").isEmpty();
        }
    }

    /**
     * Waits until the raw messages, joined without the LF syslog-ng puts after each, parse as {@code count} whole
     * octet-counted frames; returns the frames.
     */
    private static List<String> awaitFrames(SyslogNgPeer syslogNg, int count, Duration asked) throws Exception {
        Duration timeout = Waits.generous(asked);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> frames = frames(joined(syslogNg.rawBytes()));
            if (frames.size() >= count) {
                return frames;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(frames.size() + " of " + count + " frames within " + timeout + "; syslog-ng:\n"
                        + syslogNg.log());
            }
            Thread.sleep(50);
        }
    }

    /** The bytes without LFs: the events hold none, so every LF is one syslog-ng added after a message. */
    private static byte[] joined(byte[] file) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream(file.length);
        for (byte b : file) {
            if (b != '\n') {
                stream.write(b);
            }
        }
        return stream.toByteArray();
    }

    /** The whole {@code LEN SP MSG} frames at the start of {@code stream}. */
    private static List<String> frames(byte[] stream) {
        List<String> frames = new ArrayList<>();
        int at = 0;
        while (true) {
            int space = at;
            while (space < stream.length && stream[space] >= '0' && stream[space] <= '9') {
                space++;
            }
            if (space == at || space >= stream.length || stream[space] != ' ') {
                return frames;
            }
            int length = Integer.parseInt(new String(stream, at, space - at, StandardCharsets.US_ASCII));
            if (space + 1 + length > stream.length) {
                return frames;
            }
            frames.add(new String(stream, space + 1, length, StandardCharsets.UTF_8));
            at = space + 1 + length;
        }
    }
}
