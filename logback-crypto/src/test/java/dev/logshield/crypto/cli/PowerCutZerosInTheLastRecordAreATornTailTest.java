package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A power cut after the file system extended the file but before the page holding the end of the last record
 * reached the disk leaves that page as zeros: the record's length field is intact, the rest of it (or all of it
 * from its type byte on) reads as zeros up to the end of the file. That is a crash, as a truncation there would be:
 * verify says unclosed (4), decrypt and follow release every record before it and stop there, and a restarted
 * appender appends a segment linked past it. The same zeros anywhere a crash cannot leave them (a record followed
 * by more records, the end of a rotated file followed by the next one) stay tampering (1).
 */
class PowerCutZerosInTheLastRecordAreATornTailTest {

    private static final int PAGE = 4096;

    /** Where the zeros of the power cut start, in the last record [start, end) of the file. */
    enum Damage {
        /** The last 4 KiB page of the file, which starts after the record's type byte. */
        LAST_PAGE {
            @Override
            long zerosFrom(long start, long end) {
                long page = (end - 1) / PAGE * PAGE;
                return page >= start + 5 ? page : -1;
            }
        },
        /** The last 10 bytes: inside the record's authentication tag. */
        LAST_BYTES {
            @Override
            long zerosFrom(long start, long end) {
                return end - 10;
            }
        },
        /** Everything after the length field: the type byte reads 0, which is never written. */
        FROM_THE_TYPE_BYTE {
            @Override
            long zerosFrom(long start, long end) {
                return start + 4;
            }
        };

        /** The offset the zeros start at, or -1 when the last record does not lend itself to this damage. */
        abstract long zerosFrom(long start, long end);
    }

    @TempDir
    Path dir;

    private ReaderKeyFiles reader;
    private Path file;
    private final List<String> logged = new ArrayList<>();

    @BeforeEach
    void readerKey() throws Exception {
        reader = ReaderKeyFiles.create(dir, "reader");
        file = dir.resolve("app.lse");
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void zerosToTheEndOfTheActiveFileAreATornTailAndARestartLinksPastThem(Damage damage) throws Exception {
        byte[] disk = logUntilTheLastRecordAllows(damage);
        Files.write(file, disk);
        String beforeTheTornRecord = String.join("", logged.subList(0, logged.size() - 1));

        CliRun verify = CliRun.of("verify", "-i", reader.identityArgument(), file.toString());
        CliRun decrypt = CliRun.of("decrypt", "-i", reader.identityArgument(), file.toString());
        CliRun follow = CliRun.of("follow", "-i", reader.identityArgument(), "--idle-exit", "0.2", "--no-stdin",
                file.toString());

        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(4);
        assertThat(verify.stdout()).contains("UNCLOSED " + file).doesNotContain("TAMPERED");
        assertThat(verify.stdout()).containsAnyOf("torn tail", "zero-filled tail");
        assertThat(decrypt.exitCode()).as(decrypt.toString()).isEqualTo(4);
        assertThat(decrypt.stdout()).isEqualTo(beforeTheTornRecord);
        assertThat(decrypt.stderr()).doesNotContain("integrity failure");
        assertThat(follow.exitCode()).as(follow.toString()).isEqualTo(4);
        assertThat(follow.stdout()).isEqualTo(beforeTheTornRecord);

        LoggerContext restarted = configure("");
        restarted.getLogger("x").info("after the restart");
        restarted.stop();
        assertThat(XmlConfiguredContext.errors(restarted)).isEmpty();

        CliRun afterRestart = CliRun.of("decrypt", "-i", reader.identityArgument(), file.toString());
        assertThat(afterRestart.exitCode()).as("the crashed segment stays unclosed: " + afterRestart).isEqualTo(4);
        assertThat(afterRestart.stderr()).doesNotContain("TAMPERED");
        assertThat(afterRestart.stdout()).isEqualTo(beforeTheTornRecord + "after the restart\n");
    }

    @Test
    void zerosAtTheEndOfARecordFollowedByMoreRecordsAreTampering() throws Exception {
        LoggerContext context = configure("");
        for (int i = 0; i < 5; i++) {
            log(context, i);
        }
        byte[] disk = Files.readAllBytes(file);
        context.stop();
        Files.write(file, disk);
        List<Long> frames = FrameOffsets.of(file);
        // frame 0 is META, frame i + 1 the record of event i: zero the end of event 2's record
        zero(file, frames.get(4) - 10, frames.get(4));

        CliRun decrypt = CliRun.of("decrypt", "-i", reader.identityArgument(), file.toString());

        assertThat(decrypt.exitCode()).as(decrypt.toString()).isEqualTo(1);
        assertThat(decrypt.stderr()).contains("TAMPERED " + file + ": segment 0, record 3 at byte " + frames.get(3));
        assertThat(decrypt.stdout()).isEqualTo(logged.get(0) + logged.get(1));
    }

    @Test
    void zerosFromTheLastRecordToTheEndOfARotatedFileAreTamperingSinceTheNextFileLinksToWhatWasThere()
            throws Exception {
        // the page of zeros starts in the tag of the last record and takes FINAL with it
        assertRotatedFileZeroedFromIsTampering(finalFrame -> finalFrame - 10);
    }

    @Test
    void zerosAtTheEndOfTheFinalOfARotatedFileAreTampering() throws Exception {
        assertRotatedFileZeroedFromIsTampering(finalFrame -> finalFrame + 50);
    }

    private void assertRotatedFileZeroedFromIsTampering(LongUnaryOperator zerosFromFinalAt) throws Exception {
        LoggerContext context = configure("-rolling");
        Path rotated = dir.resolve("app.1.lse");
        for (int i = 0; !Files.exists(rotated) || i < 20; i++) {
            assertThat(i).as("the 4 KB file rolls over").isLessThan(1_000);
            log(context, i);
        }
        context.stop();
        List<Long> frames = FrameOffsets.of(rotated);
        zero(rotated, zerosFromFinalAt.applyAsLong(frames.get(frames.size() - 2)), frames.get(frames.size() - 1));

        List<Path> files = Decrypted.lseFiles(dir);
        List<String> args = new ArrayList<>(List.of("verify", "-i", reader.identityArgument()));
        files.forEach(f -> args.add(f.toString()));
        CliRun verify = CliRun.of(args.toArray(String[]::new));

        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
        assertThat(verify.stdout()).contains("TAMPERED");
    }

    /**
     * Logs events of about 300 bytes, one record each, until the last record can take {@code damage}; returns the
     * file as the disk holds it then, with the damage done (the appender is stopped afterwards, as after a power
     * cut nothing it writes later reaches the disk).
     */
    private byte[] logUntilTheLastRecordAllows(Damage damage) throws Exception {
        LoggerContext context = configure("");
        Path copy = dir.resolve("disk.lse");
        try {
            for (int i = 0; i < 1_000; i++) {
                log(context, i);
                Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                List<Long> frames = FrameOffsets.of(copy);
                long start = frames.get(frames.size() - 2);
                long end = frames.get(frames.size() - 1);
                long zerosFrom = damage.zerosFrom(start, end);
                if (i >= 2 && zerosFrom > start && end == Files.size(copy)) {
                    zero(copy, zerosFrom, end);
                    return Files.readAllBytes(copy);
                }
            }
        } finally {
            context.stop();
            Files.delete(copy);
        }
        throw new AssertionError("no record ever crossed a page boundary");
    }

    private void log(LoggerContext context, int i) {
        String text = "event " + i + " " + "x".repeat(300);
        context.getLogger("x").info(text);
        logged.add(text + "\n");
    }

    private LoggerContext configure(String variant) {
        return XmlConfiguredContext.configure(getClass().getSimpleName() + variant,
                Map.of("dir", dir.toString(), "recipient", reader.recipient().recipient()));
    }

    private static void zero(Path file, long from, long to) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(from);
            raf.write(new byte[(int) (to - from)]);
        }
    }
}
