package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code immediateFlush=false} events are batched into records up to {@code maxBatchSize}, and a quiet
 * period seals the batch after {@code maxBatchDelay} while the appender keeps running.
 */
class BatchedRecordsHoldSeveralEventsTest {

    @TempDir
    Path dir;

    @Test
    void fewRecordsManyEventsAndAQuietBatchIsSealedOnTime() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            context.getLogger("x").info("batched event {}", i);
            expected.add("batched event " + i);
        }
        context.getLogger("x").info("the last one");
        expected.add("the last one");
        Path file = dir.resolve("app.lse");

        long deadline = System.currentTimeMillis() + 30_000; // generous, for a busy machine
        Decrypted whileRunning;
        do {
            Thread.sleep(100);
            whileRunning = Decrypted.files(List.of(file), reader.identity());
        } while (!whileRunning.lines().contains("the last one") && System.currentTimeMillis() < deadline);
        assertThat(whileRunning.lines()).as("sealed by the delay while the appender runs").containsExactlyElementsOf(expected);
        // 20 KB of events in 4 KB batches: about 5 records; more when a slow machine lets the 300 ms delay seal some,
        // but never one per event
        assertThat(whileRunning.report().records()).isBetween(4L, 250L);
        assertThat(whileRunning.report().events()).isEqualTo(1001);

        context.stop();
        Decrypted closed = Decrypted.files(List.of(file), reader.identity());
        assertThat(closed.report().exitCode()).isZero();
        assertThat(closed.lines()).containsExactlyElementsOf(expected);
    }
}
