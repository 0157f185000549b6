package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.format.Hex;
import dev.logshield.crypto.keys.SealState;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seal keys are rotated: an appender that wrote with one seal state and is reconfigured with a new one appends a
 * segment sealed with the new chain to the same series. The auditor verifies the series with both verification keys
 * ({@code --seal-key} is repeatable); with only one of them, the segment of the other chain is TAMPERED, since it
 * could be any forger's. The new chain starts its epochs again at 0, below the old chain's last epoch, which is no
 * epoch going back.
 */
class RotatedSealKeysVerifyTogetherTest {

    private static final int INTERVAL_SECONDS = 10;

    @TempDir
    Path dir;

    private Path file;
    private ReaderKeyFiles reader;
    private Path oldKey;
    private Path newKey;
    private String oldChain;
    private String newChain;

    @BeforeEach
    void writeASeriesAndRotateTheSealKeyInTheMiddle() throws Exception {
        reader = ReaderKeyFiles.create(dir, "reader");
        long now = System.currentTimeMillis();
        // the old chain began an hour ago, the new one begins now: its epoch numbers start again at 0
        SealState.Created old = SealState.create(dir.resolve("old.seal"), now - 3_600_000, INTERVAL_SECONDS,
                new SecureRandom());
        SealState.Created rotated = SealState.create(dir.resolve("new.seal"), now, INTERVAL_SECONDS,
                new SecureRandom());
        oldKey = dir.resolve("old.key");
        newKey = dir.resolve("new.key");
        old.verificationKey().write(oldKey);
        rotated.verificationKey().write(newKey);
        oldChain = Hex.of(old.state().chainId());
        newChain = Hex.of(rotated.state().chainId());

        String name = getClass().getSimpleName();
        LoggerContext context = XmlConfiguredContext.configure(name, properties("old.seal"));
        log(context, "before the rotation");
        XmlConfiguredContext.reset(context, name, properties("new.seal"));
        log(context, "after the rotation");
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        file = dir.resolve("app.lse");
    }

    @Test
    void bothVerificationKeysVerifyTheSeries() {
        CliRun run = CliRun.of("verify", "-i", reader.identityArgument(), "--seal-key", oldKey.toString(), "--seal-key",
                newKey.toString(), file.toString());
        CliRun auditor = CliRun.of("verify", "--seal-key", newKey.toString(), "--seal-key", oldKey.toString(),
                "--expect-sealed", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).as(run.toString()).contains("2 segment(s), 6 record(s)").contains("INTACT");
        assertThat(auditor.exitCode()).as(auditor.toString()).isZero();
    }

    @Test
    void eitherKeyAloneLeavesTheOtherChainsSegmentTampered() {
        CliRun oldOnly = CliRun.of("verify", "-i", reader.identityArgument(), "--seal-key", oldKey.toString(),
                file.toString());
        CliRun newOnly = CliRun.of("verify", "--seal-key", newKey.toString(), file.toString());

        assertThat(oldOnly.exitCode()).as(oldOnly.toString()).isEqualTo(1);
        assertThat(oldOnly.stdout()).as(oldOnly.toString()).contains("segment 1").contains(newChain).contains(oldChain);
        assertThat(newOnly.exitCode()).as(newOnly.toString()).isEqualTo(1);
        assertThat(newOnly.stdout()).as(newOnly.toString()).contains("segment 0").contains(oldChain).contains(newChain);
    }

    @Test
    void decryptWithBothKeysOutputsEveryRecord() {
        CliRun run = CliRun.of("decrypt", "-i", reader.identityArgument(), "--seal-key", oldKey.toString(),
                "--seal-key", newKey.toString(), file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).isEqualTo("before the rotation 0\nbefore the rotation 1\nbefore the rotation 2\n"
                + "after the rotation 0\nafter the rotation 1\nafter the rotation 2\n");
    }

    @Test
    void withoutTheSealKeysTheRotationIsReportedAsUnchecked() {
        CliRun run = CliRun.of("verify", "-i", reader.identityArgument(), file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).as(run.toString()).contains("INFO").contains(newChain).contains(oldChain);
    }

    private Map<String, String> properties(String sealState) {
        return Map.of("dir", dir.toString(), "recipient", reader.recipient().recipient(), "sealState",
                dir.resolve(sealState).toString());
    }

    private static void log(LoggerContext context, String text) {
        for (int i = 0; i < 3; i++) {
            context.getLogger("x").info("{} {}", text, i);
        }
    }
}
