package dev.logshield.tls.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk spool removes an event only once the sender commits it (delivered, or counted as dropped): what was read
 * and not committed is read again by the next start, what was committed never is, even within a file not wholly
 * delivered; a file wholly delivered is deleted; what the sender put back at stop comes first, in order; a
 * {@code .done} record that does not check out costs duplicates, never events.
 */
class DiskSpoolKeepsEventsUntilSettledTest {

    private static final long MAX = 1L << 30;
    private static final long FILE = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void committedEventsAreNotReadAgainByTheNextStartButUncommittedOnesAre() throws IOException {
        DiskSpool spool = new DiskSpool(dir, MAX, FILE);
        append(spool, "e", 0, 10);
        assertThat(text(spool.poll(4))).containsExactly("e0", "e1", "e2", "e3");
        spool.commit(3);
        assertThat(spool.events()).as("6 unread, 1 in flight").isEqualTo(7);
        assertThat(spool.unread()).isEqualTo(6);
        spool.close();

        DiskSpool next = new DiskSpool(dir, MAX, FILE);
        assertThat(next.events()).isEqualTo(7);
        assertThat(text(next.poll(100))).containsExactly("e3", "e4", "e5", "e6", "e7", "e8", "e9");
        next.commit(7);
        assertThat(next.events()).isZero();
        next.close();
        assertThat(spoolFiles()).as("a wholly delivered file is deleted, its .done record with it").isEmpty();
    }

    @Test
    void filesAreDeletedAsSoonAsTheyAreWhollyDelivered() throws IOException {
        DiskSpool spool = new DiskSpool(dir, MAX, FILE);
        String kilobyte = "x".repeat(1_000);
        for (int i = 0; i < 300; i++) {
            spool.append((i + " " + kilobyte).getBytes(StandardCharsets.UTF_8));
        }
        long files = spoolFiles().stream().filter(f -> f.endsWith(".dat")).count();
        assertThat(files).as("300 KB in files of 64 KiB").isGreaterThanOrEqualTo(4);
        spool.commit(spool.poll(150).size());
        long left = spoolFiles().stream().filter(f -> f.endsWith(".dat")).count();
        assertThat(left).as("the files whose every event was delivered are gone").isLessThan(files).isGreaterThan(0);
        assertThat(new DiskSpoolReader(dir).events()).as("what a start now would find").isEqualTo(150);
        spool.close();
    }

    @Test
    void whatIsPutBackAtStopComesFirstInOrder() throws IOException {
        DiskSpool spool = new DiskSpool(dir, MAX, FILE);
        append(spool, "s", 0, 5);
        List<byte[]> read = spool.poll(2);
        assertThat(text(read)).containsExactly("s0", "s1");
        // the sender held s0 and s1 (sent, unacknowledged) and two events of its memory buffer
        List<byte[]> held = new ArrayList<>(read);
        held.add("m0".getBytes(StandardCharsets.UTF_8));
        held.add("m1".getBytes(StandardCharsets.UTF_8));
        assertThat(spool.putBack(held)).isEqualTo(4);
        assertThat(spool.events()).isEqualTo(7);
        spool.close();

        DiskSpool next = new DiskSpool(dir, MAX, FILE);
        assertThat(text(next.poll(100))).containsExactly("s0", "s1", "m0", "m1", "s2", "s3", "s4");
        next.close();
    }

    @Test
    void whatDoesNotFitIsReportedNotWritten() throws IOException {
        DiskSpool spool = new DiskSpool(dir, 110, FILE);
        append(spool, "event-", 0, 10);
        assertThat(spool.append("one-more".getBytes(StandardCharsets.UTF_8))).as("10 x 11 bytes fill 110").isFalse();
        List<byte[]> read = spool.poll(3);
        List<byte[]> held = new ArrayList<>(read);
        for (int i = 0; i < 5; i++) {
            held.add(("memory-" + i).getBytes(StandardCharsets.UTF_8));
        }
        int kept = spool.putBack(held);
        assertThat(kept).as("the 3 read, then memory events while they fit").isBetween(3, 7);
        assertThat(spool.bytes()).isLessThanOrEqualTo(110);
        spool.close();
        assertThat(new DiskSpoolReader(dir).events()).isEqualTo(kept + 7);
    }

    @Test
    void aDoneRecordThatDoesNotCheckOutMeansReadingTheFileAgain() throws IOException {
        DiskSpool spool = new DiskSpool(dir, MAX, FILE);
        append(spool, "e", 0, 4);
        spool.commit(spool.poll(2).size());
        spool.close();
        Path done = dir.resolve("spool-0.done");
        assertThat(done).exists();
        byte[] record = Files.readAllBytes(done);
        record[15] ^= 1;
        Files.write(done, record);
        assertThat(text(new DiskSpool(dir, MAX, FILE).poll(10))).containsExactly("e0", "e1", "e2", "e3");
    }

    @Test
    void aDoneOffsetBetweenRecordsMeansReadingTheFileAgain() throws IOException {
        DiskSpool spool = new DiskSpool(dir, MAX, FILE);
        append(spool, "e", 0, 4);
        spool.commit(spool.poll(2).size());
        spool.close();
        long between = 3;
        Files.write(dir.resolve("spool-0.done"), java.nio.ByteBuffer.allocate(16).putLong(between).putLong(~between)
                .array());
        assertThat(text(new DiskSpool(dir, MAX, FILE).poll(10))).containsExactly("e0", "e1", "e2", "e3");
    }

    private static void append(DiskSpool spool, String prefix, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            assertThat(spool.append((prefix + i).getBytes(StandardCharsets.UTF_8))).isTrue();
        }
    }

    private static List<String> text(List<byte[]> events) {
        return events.stream().map(e -> new String(e, StandardCharsets.UTF_8)).toList();
    }

    private List<String> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** What a next start would find in the directory, without disturbing it. */
    private record DiskSpoolReader(Path dir) {
        long events() throws IOException {
            DiskSpool spool = new DiskSpool(dir, MAX, FILE);
            try {
                return spool.events();
            } finally {
                spool.close();
            }
        }
    }
}
