package dev.logshield.crypto.testing;

import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.verify.FileSeries;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Decrypts and verifies files the way {@code logcrypt decrypt} does: the text and the report. */
public record Decrypted(String text, VerificationReport report) {

    public static Decrypted files(List<Path> files, DataKeyUnwrapper... keys) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VerificationReport report = FileSeries.verify(files,
                new SeriesVerifier.Options(List.of(keys), null, false, List.of(), 0, false),
                (core, seq, payload) -> out.write(payload));
        return new Decrypted(out.toString(StandardCharsets.UTF_8), report);
    }

    /** Every {@code *.lse} file under {@code dir}. */
    public static List<Path> lseFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".lse")).sorted().collect(Collectors.toList());
        }
    }

    public List<String> lines() {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
