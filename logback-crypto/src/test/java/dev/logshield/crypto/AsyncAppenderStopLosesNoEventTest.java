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
 * Behind Logback's {@code AsyncAppender}, stopping the context while events are still queued loses none of them:
 * {@code AsyncAppender.stop()} interrupts its worker, which then writes the rest of the queue; a write on an
 * interruptible file channel would close the channel ({@code ClosedByInterruptException}) and abandon the segment.
 */
class AsyncAppenderStopLosesNoEventTest {

    private static final int EVENTS = 500;

    @TempDir
    Path dir;

    @Test
    void eventsQueuedAtStopAreAllWritten() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        Logger log = context.getLogger("shop.Orders");
        for (int i = 0; i < EVENTS; i++) {
            log.info("event {}", i);
        }
        context.stop(); // at once: most events are still in the AsyncAppender's queue

        assertThat(XmlConfiguredContext.statusMessages(context, Status.ERROR)).isEmpty();
        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        for (int i = 0; i < EVENTS; i++) {
            assertThat(decrypted.text()).contains("event " + i + "\n");
        }
    }
}
