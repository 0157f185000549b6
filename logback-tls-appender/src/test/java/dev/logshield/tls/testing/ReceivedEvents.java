package dev.logshield.tls.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered events ({@code "<marker> <number>"}, numbers 0..expected-1) a collector wrote to its file, one message
 * per line, from a given line on: how often each number arrived. Lets a test tell what arrived before and after a
 * point (a restart of the application) apart, where {@link DeliveryTally} sums up a whole file.
 */
public final class ReceivedEvents {

    private final int[] counts;
    private final int lines;

    private ReceivedEvents(int[] counts, int lines) {
        this.counts = counts;
        this.lines = lines;
    }

    /** What {@code file} holds from line {@code fromLine} on (0: all of it). */
    public static ReceivedEvents read(Path file, String marker, int expected, int fromLine) throws IOException {
        Pattern number = Pattern.compile(Pattern.quote(marker) + " (\\d+)");
        List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        int[] counts = new int[expected];
        for (String line : all.subList(Math.min(fromLine, all.size()), all.size())) {
            Matcher m = number.matcher(line);
            if (m.find()) {
                counts[Integer.parseInt(m.group(1))]++;
            }
        }
        return new ReceivedEvents(counts, all.size());
    }

    /** Lines in the whole file when it was read: where to start reading what comes after. */
    public int lines() {
        return lines;
    }

    /** How many times event {@code n} arrived. */
    public int count(int n) {
        return counts[n];
    }

    public boolean arrived(int n) {
        return counts[n] > 0;
    }

    /** Numbers that arrived at least once. */
    public int distinct() {
        int distinct = 0;
        for (int count : counts) {
            distinct += count > 0 ? 1 : 0;
        }
        return distinct;
    }

    /** Arrivals beyond the first of each number. */
    public long duplicates() {
        long duplicates = 0;
        for (int count : counts) {
            duplicates += Math.max(0, count - 1);
        }
        return duplicates;
    }
}
