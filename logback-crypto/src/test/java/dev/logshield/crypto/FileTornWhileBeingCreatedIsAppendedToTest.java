package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash (or power loss) while the first segment header was being written leaves a torn or zero-filled header:
 * the restarted appender appends a new segment after it instead of refusing the file, and the verifier calls the
 * leftover a crash (unclosed), not tampering.
 */
class FileTornWhileBeingCreatedIsAppendedToTest {

    @TempDir
    Path dir;

    @Test
    void tornHeaderLeftoverIsSkipped() throws Exception {
        assertLoggingResumesAfter(Arrays.copyOf(LseFormat.magic(), 5));
    }

    @Test
    void zeroFilledHeaderLeftoverIsSkipped() throws Exception {
        assertLoggingResumesAfter(new byte[96]);
    }

    private void assertLoggingResumesAfter(byte[] leftover) throws Exception {
        TestIdentity reader = TestIdentity.generate();
        Path file = dir.resolve("app.lse");
        Files.write(file, leftover);
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        context.getLogger("x").info("after the crash");
        context.stop();

        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        Decrypted decrypted = Decrypted.files(List.of(file), reader.identity());
        assertThat(decrypted.lines()).containsExactly("after the crash");
        assertThat(decrypted.report().has(Finding.Severity.TAMPERED)).as(decrypted.report().findings().toString()).isFalse();
        assertThat(decrypted.report().exitCode()).isEqualTo(VerificationReport.UNCLOSED);
    }
}
