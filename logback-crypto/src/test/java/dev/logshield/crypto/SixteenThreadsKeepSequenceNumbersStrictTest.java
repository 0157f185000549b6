package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.format.FileByteSource;
import dev.logshield.crypto.format.LseScanner;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen threads logging at once (Logback 1.5 encodes outside its stream lock): records on disk carry strictly
 * increasing sequence numbers, every event is there exactly once, and the file verifies.
 */
class SixteenThreadsKeepSequenceNumbersStrictTest {

    @TempDir
    Path dir;

    @Test
    void everyEventOnceAndTheFileVerifies() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        int threads = 16;
        int perThread = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    context.getLogger("t" + id).info("t{} e{}", id, i);
                }
            });
            workers[t].start();
        }
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        context.stop();

        Path file = dir.resolve("app.lse");
        long last = -1;
        try (FileByteSource source = new FileByteSource(file)) {
            LseScanner scanner = new LseScanner(source);
            for (ScanItem item = scanner.next(); item != null && !(item instanceof ScanItem.EndOfData); item = scanner.next()) {
                if (item instanceof ScanItem.Frame frame) {
                    assertThat(frame.seq()).isEqualTo(last + 1);
                    last = frame.seq();
                }
            }
        }
        Decrypted decrypted = Decrypted.files(List.of(file), reader.identity());
        assertThat(decrypted.report().exitCode()).isZero();
        List<String> lines = decrypted.lines();
        assertThat(lines).hasSize(threads * perThread);
        Set<String> unique = new HashSet<>(lines);
        assertThat(unique).hasSize(threads * perThread);
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
    }
}
