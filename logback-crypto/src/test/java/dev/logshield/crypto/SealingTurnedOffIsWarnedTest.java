package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.crypto.keys.SealState;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment without checkpoints after a sealed one is what a forger holding a reader's public key writes, so the
 * verifier reports it TAMPERED even when the writer was only reconfigured without {@code <sealState>}. The appender
 * says so with a status warning when it starts such a segment, and tells how to stop sealing without that verdict:
 * start a new series.
 */
class SealingTurnedOffIsWarnedTest {

    @TempDir
    Path dir;

    @Test
    void anUnsealedSegmentLinkedToASealedOneIsWarnedAndVerifiesAsTampered() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        SealState.create(dir.resolve("host.seal"), System.currentTimeMillis(), 10, new SecureRandom());
        Map<String, String> properties = Map.of("dir", dir.toString(), "recipient", reader.recipient(), "sealState",
                dir.resolve("host.seal").toString());
        String name = getClass().getSimpleName();
        LoggerContext context = XmlConfiguredContext.configure(name + "-sealed", properties);
        context.getLogger("x").info("sealed");
        XmlConfiguredContext.reset(context, name + "-unsealed", properties);
        context.getLogger("x").info("not sealed");
        context.stop();

        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        assertThat(XmlConfiguredContext.statusMessages(context, Status.WARN))
                .anyMatch(m -> m.contains("[VAULT]") && m.contains("not sealed") && m.contains("TAMPERED")
                        && m.contains("new series"));
        Decrypted decrypted = Decrypted.files(List.of(dir.resolve("app.lse")), reader.identity());
        assertThat(decrypted.report().exitCode()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(decrypted.report().findings()).anyMatch(f -> f.severity() == Finding.Severity.TAMPERED
                && f.seriesIndex() == 1 && f.message().contains("not sealed"));
        assertThat(decrypted.lines()).containsExactly("sealed");
    }
}
