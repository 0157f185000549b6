package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconfiguring a running context the way Spring Boot does on a refresh ({@code reset()}, then Joran again) closes
 * the old appender's segment and the new appender appends a linked one to the same file, even while other threads
 * keep logging through the reset: nothing throws into them and the file verifies intact.
 */
class ResetAndReconfigureAppendsALinkedSegmentTest {

    @TempDir
    Path dir;

    private final TestIdentity reader = TestIdentity.generate();

    @Test
    void eachConfigurationWritesALinkedSegment() throws Exception {
        Map<String, String> properties = Map.of("dir", dir.toString(), "recipient", reader.recipient());
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), properties);
        List<String> expected = new ArrayList<>();
        for (int configuration = 0; configuration < 3; configuration++) {
            if (configuration > 0) {
                XmlConfiguredContext.reset(context, getClass().getSimpleName(), properties);
            }
            assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
            for (int i = 0; i < 5; i++) {
                context.getLogger("x").info("configuration {} event {}", configuration, i);
                expected.add("configuration " + configuration + " event " + i);
            }
        }
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();

        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        assertThat(decrypted.report().segments()).isEqualTo(3);
        assertThat(decrypted.lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void threadsLoggingThroughTheResetsNeverSeeAnExceptionAndTheFileStaysIntact() throws Exception {
        Map<String, String> properties = Map.of("dir", dir.toString(), "recipient", reader.recipient());
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), properties);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                started.countDown();
                for (int i = 0; running.get(); i++) {
                    try {
                        context.getLogger("x").info("thread {} event {}", id, i);
                    } catch (Throwable e) {
                        thrown.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        started.await();
        for (int reset = 0; reset < 3; reset++) {
            Thread.sleep(50);
            XmlConfiguredContext.reset(context, getClass().getSimpleName(), properties);
        }
        Thread.sleep(50);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        context.stop();

        assertThat(thrown).isEmpty();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.report().has(Finding.Severity.TAMPERED)).isFalse();
        assertThat(decrypted.report().findings()).isEmpty();
        assertThat(decrypted.report().segments()).isEqualTo(4);
        assertThat(decrypted.lines()).isNotEmpty().allMatch(line -> line.matches("thread \\d event \\d+"));
    }
}
