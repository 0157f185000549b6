package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * A thread whose interrupt flag is set loses no event and does not abandon the segment, and keeps its flag: writes
 * and the closing of the segment run with the flag cleared (a write on an interruptible {@code FileChannel} would
 * close it). This is what Logback's {@code AsyncAppender} does to its worker when it stops, and the worker then
 * writes what is still queued and stops this appender.
 */
class InterruptedWriterLosesNoEventTest {

    private static final int EVENTS = 50;

    @TempDir
    Path dir;

    @Test
    void everyEventIsWrittenAndTheSegmentClosed() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        Logger log = context.getLogger("shop.Orders");
        Thread.currentThread().interrupt();
        try {
            for (int i = 0; i < EVENTS; i++) {
                log.info("event {}", i);
            }
            context.stop(); // the segment is closed by an interrupted thread too
            assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(XmlConfiguredContext.statusMessages(context, Status.ERROR)).isEmpty();
        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        for (int i = 0; i < EVENTS; i++) {
            assertThat(decrypted.text()).contains("event " + i + "\n");
        }
    }
}
