package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.keys.SealState;
import dev.logshield.crypto.keys.SealVerificationKey;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.Anchor;
import dev.logshield.crypto.verify.AuditorSealKey;
import dev.logshield.crypto.verify.FileSeries;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a seal state, the appender writes forward-secure checkpoints as the seal epochs pass and sends each one as
 * an anchor line through a logger of the user's choice. The auditor, holding only the initial seal key (no
 * decryption key), verifies the file; cutting the newest records off is then caught by the anchors.
 */
class SealedAppenderIsVerifiableByTheAuditorTest {

    @TempDir
    Path dir;

    @Test
    void auditorVerifiesWithoutReadingAndAnchorsCatchTruncation() throws Exception {
        SealState.Created seal = SealState.create(dir.resolve("host.seal"), System.currentTimeMillis(), 1,
                new SecureRandom());
        SealVerificationKey auditorKey = seal.verificationKey();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", TestIdentity.generate().recipient()));
        // events in five seal epochs of a second, whatever pauses a busy machine makes: each epoch change gets a checkpoint
        long origin = auditorKey.originMs();
        java.util.Set<Long> epochs = new java.util.HashSet<>();
        int i = 0;
        while (epochs.size() < 5) {
            long before = (System.currentTimeMillis() - origin) / 1_000;
            context.getLogger("x").info("event {}", i++);
            if ((System.currentTimeMillis() - origin) / 1_000 == before) {
                epochs.add(before); // the event was surely written in that epoch
            }
            Thread.sleep(20);
        }
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();

        Path file = dir.resolve("app.lse");
        List<Anchor> anchors = Anchor.parseAll(Files.readString(dir.resolve("remote-anchors.log"), StandardCharsets.UTF_8));
        VerificationReport audit = audit(file, auditorKey, anchors);
        // a pause of over a second (this busy machine) between two writes and ticks is a CLOCK warning, never more
        assertThat(audit.findings()).allMatch(f -> f.severity() == Finding.Severity.CLOCK);
        assertThat(audit.exitCode()).isEqualTo(VerificationReport.INTACT);
        assertThat(audit.checkpoints()).isGreaterThanOrEqualTo(4);
        assertThat(anchors).hasSize((int) audit.checkpoints());

        // an intruder cuts the last quarter of the file (the newest records and the closing checkpoint)
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() * 3 / 4);
        }
        assertThat(audit(file, auditorKey, List.of()).exitCode()).isEqualTo(VerificationReport.UNCLOSED);
        VerificationReport anchored = audit(file, auditorKey, anchors);
        assertThat(anchored.exitCode()).isEqualTo(VerificationReport.TAMPERED);
        assertThat(anchored.findings()).anyMatch(f -> f.message().contains("truncated"));
    }

    private static VerificationReport audit(Path file, SealVerificationKey key, List<Anchor> anchors) throws Exception {
        return FileSeries.verify(List.of(file),
                new SeriesVerifier.Options(List.of(), List.of(new AuditorSealKey(key)), true, anchors, 2_000, false),
                (core, seq, payload) -> { });
    }
}
