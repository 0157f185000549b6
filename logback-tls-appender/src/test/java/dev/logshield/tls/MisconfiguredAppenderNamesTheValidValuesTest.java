package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An appender without a destination, an encoder or TLS material, or with an unknown framing or overflow policy,
 * a destination without a numeric port or an empty queue, stays stopped with an error that says what to write
 * instead, listing the valid values; the application's logging calls go on, and no appender thread starts.
 */
class MisconfiguredAppenderNamesTheValidValuesTest {

    @Test
    void everyMisconfiguredAppenderStaysStoppedAndSaysWhatToWrite() {
        TestPki pki = SharedPki.get();
        Set<Thread> before = MtlsThreads.alive();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "clientCert", pki.client("client1").chain().toString(), "clientKey", pki.client("client1").key().toString(),
                "caCert", pki.caCert().toString()));
        try {
            context.getLogger("app").info("logging goes on");
            List<String> errors = XmlConfiguredContext.errors(context);
            for (String appender : List.of("NO_DESTINATION", "NO_ENCODER", "UNKNOWN_FRAMING", "UNKNOWN_OVERFLOW",
                    "BAD_DESTINATION", "NO_TLS", "ZERO_QUEUE")) {
                assertThat(XmlConfiguredContext.isStarted(context, appender)).as(appender).isFalse();
            }
            assertThat(errors).as("errors").contains(
                    "no <destination> for [NO_DESTINATION]: add <destination>host:port</destination>",
                    "unknown <overflowPolicy> 'drop-all': use drop-newest, drop-oldest or block",
                    "bad <destination> 'localhost:syslog' for [BAD_DESTINATION]: bad port in destination 'localhost:syslog'",
                    "<queueSize>, <batchSize> and <relpWindow> must be positive, <replayWindow> not negative");
            assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("no <encoder> for [NO_ENCODER]: use ")
                    .contains("dev.logshield.tls.framing.Rfc5424Encoder"));
            assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("[UNKNOWN_FRAMING] stays stopped: ")
                    .contains("unknown framing 'json-lines'", "octet-counting", "newline", "relp"));
            assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("[NO_TLS] stays stopped: ")
                    .contains("no client certificate configured", "certificate and privateKey", "keyStore"));
            assertThat(MtlsThreads.startedSince(before)).isEmpty();
        } finally {
            context.stop();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }
}
