package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.FaultyDisk;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <syncPolicy>} decides when the appender asks the OS to put records on disk, counted on the real file's
 * channel: {@code every-record} after each record, {@code none} never (not even at close), {@code interval} from
 * the background task and not from the logging thread, {@code on-rollover} only when a segment ends.
 */
class SyncPolicyDecidesWhenRecordsAreForcedTest {

    private static final int EVENTS = 20;

    @TempDir
    Path dir;

    private final FaultyDisk disk = new FaultyDisk();
    private final TestIdentity reader = TestIdentity.generate();

    @Test
    void everyRecordForcesAfterEachRecord() throws Exception {
        LoggerContext context = configure("every-record");
        logEvents(context);
        assertThat(disk.forces()).isEqualTo(EVENTS);
        context.stop();
        assertThat(disk.forces()).as("and once more after FINAL").isEqualTo(EVENTS + 1);
        assertEverythingDecrypts(context);
    }

    @Test
    void noneNeverForces() throws Exception {
        LoggerContext context = configure("none");
        logEvents(context);
        context.stop();
        assertThat(disk.writes()).isGreaterThan(EVENTS);
        assertThat(disk.forces()).isZero();
        assertEverythingDecrypts(context);
    }

    @Test
    void intervalForcesFromTheBackgroundTask() throws Exception {
        LoggerContext context = configure("interval");
        logEvents(context);
        long deadline = System.currentTimeMillis() + 30_000; // generous, for a busy machine
        while (disk.forces() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        List<String> beforeStop = disk.forceThreads();
        context.stop();

        assertThat(beforeStop).isNotEmpty().doesNotContain(Thread.currentThread().getName());
        assertThat(disk.forceThreads()).as("and once when the segment ends").hasSize(beforeStop.size() + 1)
                .last().isEqualTo(Thread.currentThread().getName());
        assertEverythingDecrypts(context);
    }

    @Test
    void onRolloverForcesOnlyWhenTheSegmentEnds() throws Exception {
        LoggerContext context = configure("on-rollover");
        logEvents(context);
        Thread.sleep(1_200); // the background task runs at least once: it must not force
        assertThat(disk.forces()).isZero();
        context.stop();
        assertThat(disk.forces()).isEqualTo(1);
        assertEverythingDecrypts(context);
    }

    private LoggerContext configure(String syncPolicy) {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient(), "syncPolicy", syncPolicy),
                c -> c.putObject(EncryptedFileAppender.CHANNEL_DECORATOR, disk));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        return context;
    }

    private static void logEvents(LoggerContext context) {
        for (int i = 0; i < EVENTS; i++) {
            context.getLogger("x").info("event {}", i);
        }
    }

    private void assertEverythingDecrypts(LoggerContext context) throws Exception {
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        assertThat(decrypted.lines()).hasSize(EVENTS);
    }
}
