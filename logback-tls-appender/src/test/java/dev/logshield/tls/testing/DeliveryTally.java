package dev.logshield.tls.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a collector wrote of events numbered 0..n-1 ({@code "<marker> <number>"} in each message): how many distinct
 * numbers arrived, which are missing, how many arrived more than once, and whether the first arrival of each number
 * came in logging order (at-least-once delivery re-sends a tail, so later copies are out of order by design; gaps
 * left by lost events are not disorder), and in how many runs of consecutive numbers the missing ones lie.
 */
public record DeliveryTally(int expected, int distinct, long duplicates, int missing, int missingRuns,
                            List<Integer> missingSample, boolean firstArrivalsInOrder, int firstOutOfOrder) {

    /**
     * How long a non-empty file must stop growing before {@link #await} takes it as all that will arrive: long, since
     * a busy machine can pause a delivery for seconds (a reconnect, a collector flushing late), and a wait that runs
     * this long only costs a test that loses events, which then fails anyway.
     */
    static final long QUIET_MS = 15_000;

    /** Reads {@code file} (one message per line). */
    public static DeliveryTally of(Path file, String marker, int expected) throws IOException {
        Pattern number = Pattern.compile(Pattern.quote(marker) + " (\\d+)");
        int[] seen = new int[expected];
        int distinct = 0;
        long duplicates = 0;
        int lastFirst = -1;
        boolean inOrder = true;
        int firstOutOfOrder = -1;
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        for (String line : lines) {
            Matcher m = number.matcher(line);
            if (!m.find()) {
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            if (n < 0 || n >= expected) {
                throw new IllegalStateException("unexpected event number " + n + " in: " + line);
            }
            if (seen[n]++ > 0) {
                duplicates++;
                continue;
            }
            distinct++;
            if (n < lastFirst && inOrder) {
                inOrder = false;
                firstOutOfOrder = n;
            }
            lastFirst = Math.max(lastFirst, n);
        }
        List<Integer> sample = new ArrayList<>();
        int runs = 0;
        for (int i = 0; i < expected; i++) {
            if (seen[i] == 0) {
                if (sample.size() < 10) {
                    sample.add(i);
                }
                if (i == 0 || seen[i - 1] > 0) {
                    runs++;
                }
            }
        }
        return new DeliveryTally(expected, distinct, duplicates, expected - distinct, runs, sample, inOrder,
                firstOutOfOrder);
    }

    /**
     * Waits (up to {@code timeoutMs}) until every number arrived, or until the file, once something arrived, stops
     * growing for {@link #QUIET_MS}. An empty file never counts as settled: a sender in reconnect backoff on a slow
     * machine may take seconds to deliver its first event after the collector comes up.
     */
    public static DeliveryTally await(Path file, String marker, int expected, long timeoutMs)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long lastSize = -1;
        long stableSince = System.currentTimeMillis();
        while (true) {
            long size = Files.exists(file) ? Files.size(file) : 0;
            long now = System.currentTimeMillis();
            if (size != lastSize) {
                lastSize = size;
                stableSince = now;
                DeliveryTally tally = of(file, marker, expected);
                if (tally.missing() == 0) {
                    return tally;
                }
            } else if ((size > 0 && now - stableSince >= QUIET_MS) || now >= deadline) {
                return of(file, marker, expected);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public String toString() {
        return distinct + "/" + expected + " distinct events, " + missing + " missing" + (missing > 0 ? " in "
                + missingRuns + " run(s) (first: " + missingSample + ")" : "") + ", " + duplicates + " duplicates, first arrivals "
                + (firstArrivalsInOrder ? "in order" : "out of order from " + firstOutOfOrder);
    }
}
