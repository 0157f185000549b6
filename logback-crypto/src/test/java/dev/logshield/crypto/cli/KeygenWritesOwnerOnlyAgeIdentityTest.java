package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.HpkeRecipient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logcrypt keygen --out FILE} writes an age-format identity file, owner-only, never over an existing file,
 * and prints the recipient that the identity in it opens; without {@code --out} it behaves like age-keygen.
 */
class KeygenWritesOwnerOnlyAgeIdentityTest {

    @TempDir
    Path dir;

    @Test
    void identityFileIsInAgeFormatOwnerOnlyAndMatchesThePrintedRecipient() throws Exception {
        Path file = dir.resolve("reader.key");

        CliRun run = CliRun.of("keygen", "--out", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String recipient = run.stdout().strip();
        assertThat(recipient).matches("age1[02-9ac-hj-np-z]{58}");
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("# created: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(lines.get(1)).isEqualTo("# public key: " + recipient);
        assertThat(lines.get(2)).matches("AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        List<HpkeIdentity> identities = HpkeIdentity.readIdentityFile(file);
        assertThat(identities).hasSize(1);
        assertThat(identities.get(0).recipient().recipient()).isEqualTo(HpkeRecipient.parse(recipient).recipient());
        try (var temporaries = Files.list(dir)) {
            assertThat(temporaries).containsExactly(file);
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("reader.key");
        Files.writeString(file, "precious\n");

        CliRun run = CliRun.of("keygen", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEqualTo("logcrypt: " + file + " already exists; refusing to overwrite a key file\n");
        assertThat(Files.readString(file)).isEqualTo("precious\n");
    }

    @Test
    void withoutOutTheIdentityGoesToStdoutAndTheRecipientToStderr() throws Exception {
        CliRun run = CliRun.of("keygen");

        assertThat(run.exitCode()).isZero();
        String[] lines = run.stdout().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(run.stderr()).isEqualTo("Public key: " + lines[1].substring("# public key: ".length()) + "\n");
        assertThat(HpkeIdentity.parse(lines[2]).recipient().recipient()).isEqualTo(lines[1].substring(14));
    }

    @Test
    void optionsOfOtherKeyKindsAreRefused() {
        CliRun run = CliRun.of("keygen", "--out", dir.resolve("k").toString(), "--state", "x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("logcrypt: --state does not apply to an identity (keygen without --kek or"
                + " --seal)\n");
    }
}
