package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.keys.SealVerificationKey;
import dev.logshield.crypto.testing.FormatDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logcrypt verify --seal-key} on a file whose closure only the record key can prove: a version 1 file (the
 * sealed vector 2 of FORMAT.md, read from the document) exits 4, UNCLOSED, with the message saying why, never 0; an
 * unsealed version 2 series exits 1, since a seal key expects every segment sealed with it.
 */
class SealKeyAloneCannotProveVersion1OrUnsealedClosureTest {

    @TempDir
    Path dir;

    @Test
    void aVersion1SealedFileIsUnclosedForTheAuditor() throws Exception {
        Path file = dir.resolve("vector-2.lse");
        Files.write(file, FormatDocument.bytes("lse-vector-2"));
        String sealKey = new SealVerificationKey(1_700_000_000_000L, 10, FormatDocument.counting(0xc0, 32)).format();

        CliRun run = CliRun.of("verify", "--seal-key", sealKey, "--expect-sealed", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.stdout()).contains("closure not provable without a reader key").contains("UNCLOSED (exit 4)")
                .doesNotContain("INTACT").doesNotContain("TAMPERED");
    }

    @Test
    void anUnsealedVersion2SeriesIsTamperedForTheAuditor() throws Exception {
        ReaderKeyFiles reader = ReaderKeyFiles.create(dir, "reader");
        Path sealKeyFile = dir.resolve("auditor.key");
        new SealVerificationKey(1_700_000_000_000L, 10, FormatDocument.counting(0x01, 32)).write(sealKeyFile);
        List<Path> files;
        try (RotatingLog log = new RotatingLog(dir.resolve("plain.lse"), reader.recipient())) {
            log.log("not sealed");
            files = log.files();
        }
        List<String> args = new ArrayList<>(List.of("verify", "--seal-key", sealKeyFile.toString()));
        files.forEach(f -> args.add(f.toString()));

        CliRun auditor = CliRun.of(args.toArray(String[]::new));
        CliRun reading = CliRun.of("verify", "-i", reader.identityArgument(), files.get(0).toString());

        assertThat(auditor.exitCode()).as(auditor.toString()).isEqualTo(1);
        assertThat(auditor.stdout()).contains("segment is not sealed, but a seal key was given").doesNotContain("INTACT");
        assertThat(reading.exitCode()).as(reading.toString()).isZero();
    }
}
