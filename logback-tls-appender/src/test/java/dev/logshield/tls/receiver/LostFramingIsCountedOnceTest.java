package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A frame that loses the framing half-way (a length prefix that is no number, a RELP header that breaks the
 * protocol) closes the connection and is counted once, under the reason the reader gave: not a second time as
 * {@code truncated} because the connection then ended inside it.
 */
class LostFramingIsCountedOnceTest {

    private static final String NAME = "LostFramingIsCountedOnceTest";

    private final TestPki pki = SharedPki.get();

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
            "auto, '12x', bad-length",
            "octet-counting, '<14>1 - - - - - no length', bad-length",
            "relp, '1 open 3 abc!', relp-protocol"})
    void theFrameIsDroppedForTheReasonTheReaderGave(String framing, String bytes, String reason) throws Exception {
        try (TestMeters meters = TestMeters.register()) {
            LoggerContext context = ReceiverContexts.configure(NAME, pki, Map.of("framing", framing,
                    "registry", meters.name()));
            try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("client1"),
                    ReceiverContexts.startedReceiver(context).localPort())) {
                client.write(bytes);
                assertThat(client.closedByServer(30_000)).isTrue();
                assertThat(meters.awaitCount("logshield.receiver.connections.closed", 1, Duration.ofSeconds(5),
                        "reason", "framing-lost")).isEqualTo(1);
                assertThat(meters.countsBy("logshield.receiver.frames.dropped", "reason"))
                        .isEqualTo(Map.of(reason, 1L));
            } finally {
                context.stop();
            }
        }
    }
}
