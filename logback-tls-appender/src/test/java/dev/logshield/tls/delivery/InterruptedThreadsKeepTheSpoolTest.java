package dev.logshield.tls.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt closes the {@code FileChannel} a thread is using (Java's interruptible channels): stop() interrupts the
 * sender thread, and applications interrupt their own threads, which may be logging into the spool. An interrupt
 * must not make a readable spool look broken: the events are read, put back and appended all the same (none counted
 * lost, no file given up), and the thread's interrupt status is left as it was.
 */
class InterruptedThreadsKeepTheSpoolTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aSenderInterruptedAtStopStillReadsThePutsBackItsEvents() throws Exception {
        DiskSpool spool = new DiskSpool(dir, 1L << 20, 64 * 1024);
        for (int i = 0; i < 10; i++) {
            spool.append(event(i));
        }
        Thread.currentThread().interrupt();
        List<byte[]> read = spool.poll(4);
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
        assertThat(read).hasSize(4);
        assertThat(spool.takeLost()).as("events given up").isZero();
        spool.commit(2);
        int kept = spool.putBack(List.of(event(2), event(3), event(100)));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(kept).isEqualTo(3);
        spool.close();
        Thread.interrupted();

        DiskSpool next = new DiskSpool(dir, 1L << 20, 64 * 1024);
        assertThat(numbers(next.poll(100))).containsExactly(2, 3, 100, 4, 5, 6, 7, 8, 9);
        next.close();
    }

    @Test
    void aReaderClosedByAnInterruptIsOpenedAgain() throws Exception {
        DiskSpool spool = new DiskSpool(dir, 1L << 20, 64 * 1024);
        for (int i = 0; i < 10; i++) {
            spool.append(event(i));
        }
        assertThat(spool.poll(1)).hasSize(1);
        // an interrupt during a read closes the channel; the next read must not take the file for broken
        Thread.currentThread().interrupt();
        try {
            spool.poll(1);
        } finally {
            Thread.interrupted();
        }
        List<byte[]> rest = new ArrayList<>();
        for (int i = 0; i < 20 && rest.size() < 8; i++) {
            rest.addAll(spool.poll(8 - rest.size()));
        }
        assertThat(spool.takeLost()).isZero();
        assertThat(rest).hasSize(8);
        spool.close();
    }

    @Test
    void anApplicationThreadInterruptedWhileLoggingStillSpools() throws Exception {
        DiskSpool spool = new DiskSpool(dir, 1L << 20, 64 * 1024);
        spool.append(event(0));
        Thread.currentThread().interrupt();
        boolean appended = spool.append(event(1));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        Thread.interrupted();
        assertThat(appended).isTrue();
        assertThat(spool.append(event(2))).isTrue();
        assertThat(numbers(spool.poll(10))).containsExactly(0, 1, 2);
        assertThat(spool.takeLost()).isZero();
        spool.close();
    }

    private static byte[] event(int n) {
        return ("event " + n).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Integer> numbers(List<byte[]> events) {
        List<Integer> numbers = new ArrayList<>();
        for (byte[] event : events) {
            numbers.add(Integer.parseInt(new String(event, StandardCharsets.UTF_8).substring("event ".length())));
        }
        return numbers;
    }
}
