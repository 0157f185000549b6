package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command has {@code --help} (exit 0); a command line that cannot run exits 2 with one line naming the
 * problem; an unexpected failure exits 1 with a message, never a stack trace.
 */
class UsageErrorsAndHelpTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"keygen", "decrypt", "follow", "verify", "inspect", "rewrap"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("Usage: logcrypt " + command).contains("Options:").contains("-h, --help");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void toolHelpListsTheCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("  keygen ").contains("  rewrap ").contains("  cat ")
                .contains("Exit codes: 0 intact and closed");
    }

    @Test
    void unknownCommandUnknownOptionAndMissingFileAreUsageErrors() {
        CliRun noCommand = CliRun.of();
        CliRun unknownCommand = CliRun.of("frobnicate");
        CliRun unknownOption = CliRun.of("verify", "--frob", "x");
        CliRun missingValue = CliRun.of("decrypt", "-i");
        CliRun missingFile = CliRun.of("inspect", dir.resolve("nope.lse").toString());

        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(unknownCommand.stderr()).isEqualTo("logcrypt: unknown command 'frobnicate' (commands: keygen,"
                + " decrypt, follow, verify, inspect, rewrap, cat)\n");
        assertThat(unknownOption.stderr()).isEqualTo("logcrypt: unknown option --frob for 'verify' (see: logcrypt"
                + " verify --help)\n");
        assertThat(missingValue.stderr()).isEqualTo("logcrypt: --identity needs a value (FILE)\n");
        assertThat(missingFile.stderr()).isEqualTo("logcrypt: no such file: " + dir.resolve("nope.lse") + "\n");
        for (CliRun run : new CliRun[] {unknownCommand, unknownOption, missingValue, missingFile}) {
            assertThat(run.exitCode()).isEqualTo(2);
        }
    }

    @Test
    void followTakesExactlyOneFile() throws Exception {
        ReaderKeyFiles reader = ReaderKeyFiles.create(dir, "reader");

        CliRun run = CliRun.of("follow", "-i", reader.identityArgument(), reader.identityArgument(),
                reader.identityArgument());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("logcrypt: follow takes one file (the path the writer writes to), not 2\n");
    }

    @Test
    void unexpectedFailureIsOneMessageWithoutAStackTrace() throws Exception {
        ReaderKeyFiles reader = ReaderKeyFiles.create(dir, "reader");
        Path notAKeyBlock = dir.resolve("garbage.lse");
        java.nio.file.Files.write(notAKeyBlock, new byte[] {1, 2, 3});

        CliRun run = CliRun.of("rewrap", "-i", reader.identityArgument(), "--to", "age1notarecipient",
                notAKeyBlock.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).startsWith("logcrypt: key error: --to age1notarecipient: ")
                .doesNotContain("\tat ").hasLineCount(1);
    }
}
