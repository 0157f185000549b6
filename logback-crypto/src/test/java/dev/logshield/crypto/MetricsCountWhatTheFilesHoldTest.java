package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.keys.SealState;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.VerificationReport;
import dev.logshield.metrics.MicrometerRegistries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code <metricsRegistry>} naming a registry the application registered, the appender's counters agree with
 * what the files hold, as the verifier counts it: {@code logshield.crypto.events} every event logged,
 * {@code .records} the batched DATA records (fewer than events), {@code .segments} one per file across size
 * rollovers, {@code .checkpoints} every forward-secure checkpoint; nothing is counted as dropped or failed.
 */
class MetricsCountWhatTheFilesHoldTest {

    private static final String REGISTRY = MetricsCountWhatTheFilesHoldTest.class.getSimpleName();
    private static final int EVENTS = 300;

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void registerMeters() {
        MicrometerRegistries.register(REGISTRY, registry);
    }

    @AfterEach
    void unregisterMeters() {
        MicrometerRegistries.unregister(REGISTRY);
    }

    @Test
    void countersMatchTheVerifiedFiles() throws Exception {
        SealState.create(dir.resolve("host.seal"), System.currentTimeMillis(), 1, new SecureRandom());
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient(), "registry", REGISTRY));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        for (int i = 0; i < EVENTS; i++) {
            context.getLogger("x").info("event {} {}", i, "x".repeat(50));
        }
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();

        VerificationReport report = Decrypted.files(Decrypted.lseFiles(dir), reader.identity()).report();
        assertThat(report.findings()).isEmpty();
        assertThat(report.events()).isEqualTo(EVENTS);
        assertThat(report.segments()).isGreaterThan(2);
        assertThat(report.records()).isBetween(2L, EVENTS - 1L);
        assertThat(report.checkpoints()).as("an opening and a closing one per segment at least")
                .isGreaterThanOrEqualTo(2 * report.segments());

        assertThat(count("logshield.crypto.events")).isEqualTo(EVENTS);
        assertThat(count("logshield.crypto.records")).isEqualTo(report.records());
        assertThat(count("logshield.crypto.segments")).isEqualTo(report.segments());
        assertThat(count("logshield.crypto.checkpoints")).isEqualTo(report.checkpoints());
        assertThat(count("logshield.crypto.failures")).isZero();
        assertThat(registry.find("logshield.crypto.dropped").counters()).isEmpty();
    }

    private long count(String name) {
        Counter counter = registry.find(name).tag("appender", "VAULT").counter();
        assertThat(counter).as(name).isNotNull();
        return (long) counter.count();
    }
}
