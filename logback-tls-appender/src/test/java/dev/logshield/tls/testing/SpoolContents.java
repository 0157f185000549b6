package dev.logshield.tls.testing;

import dev.logshield.tls.delivery.DiskSpool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a stopped appender left in its spool directory, read the way the next start reads it ({@link DiskSpool}):
 * the numbers of the events ({@code "<marker> <number>"} in each), in the order they would be sent. Reads only: the
 * spool is left as it was.
 */
public final class SpoolContents {

    private SpoolContents() {
    }

    /** The event numbers in the spool, in sending order. */
    public static List<Integer> numbers(Path directory, String marker) throws IOException {
        Pattern number = Pattern.compile(Pattern.quote(marker) + " (\\d+)");
        DiskSpool spool = new DiskSpool(directory, Long.MAX_VALUE, 64 * 1024);
        List<Integer> numbers = new ArrayList<>();
        try {
            for (byte[] event : spool.poll(Integer.MAX_VALUE)) {
                Matcher m = number.matcher(new String(event, StandardCharsets.UTF_8));
                if (!m.find()) {
                    throw new IllegalStateException("an event without a number in the spool");
                }
                numbers.add(Integer.parseInt(m.group(1)));
            }
        } finally {
            spool.close();
        }
        return numbers;
    }

    /** Events a next start would find, as {@link DiskSpool#events()} says. */
    public static long events(Path directory) throws IOException {
        DiskSpool spool = new DiskSpool(directory, Long.MAX_VALUE, 64 * 1024);
        try {
            return spool.events();
        } finally {
            spool.close();
        }
    }

    /** The {@code spool-<n>.dat} files in the directory. */
    public static List<Path> dataFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".dat")).sorted().toList();
        }
    }
}
