package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.keys.SealState;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.Verified;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import dev.logshield.crypto.verify.AuditorSealKey;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sealed appender under a stepping wall clock (injected, one-second seal epochs), configured from XML: a
 * forward step of 5000 epochs costs one checkpoint and leaves one CLOCK warning, a step back leaves nothing, and a
 * clock a century ahead is reported and not followed; the file verifies INTACT (exit 0) throughout.
 */
class ClockStepsKeepTheSealedLogVerifiableTest {

    /** The fake wall clock starts in November 2023: every checkpoint stays before the real verification time. */
    private static final long START = 1_700_000_000_000L;
    private static final long CENTURY_MS = 100L * 365 * 24 * 3600 * 1000;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(START);
    private final TestIdentity reader = TestIdentity.generate();

    @Test
    void aStepForwardCostsOneCheckpointAndAStepBackNothing() throws Exception {
        SealState.Created seal = SealState.create(dir.resolve("host.seal"), START, 1, new SecureRandom());
        LoggerContext context = configure();
        log(context, "before the step");
        now.addAndGet(5_000_000);
        log(context, "5000 s later");
        now.addAndGet(-3_000_000);
        log(context, "after NTP stepped back 3000 s");
        context.stop();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();

        Verified verified = verify(seal);

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.all(Finding.Severity.CLOCK)).as(verified.describe()).singleElement()
                .satisfies(clock -> assertThat(clock.message()).contains("jump from 0 to 5000"));
        assertThat(verified.report().findings()).hasSize(1);
        // opening (epoch 0), the one ending epoch 0 at the step, closing (epoch 5000)
        assertThat(verified.report().checkpoints()).isEqualTo(3);
        assertThat(verified.releasedTexts()).containsExactly("before the step\n", "5000 s later\n",
                "after NTP stepped back 3000 s\n");
        assertThat(SealState.load(dir.resolve("host.seal")).currentEpoch()).isEqualTo(5000);
    }

    @Test
    // a safety net only (the work is counted in SealAdvanceWorkIsBoundedTest): a writer that hashed and replaced the
    // state once per epoch would hold this logging call for days, and the appender clears interrupts while writing
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aClockACenturyAheadIsReportedAndNotFollowed() throws Exception {
        SealState.Created seal = SealState.create(dir.resolve("host.seal"), START, 1, new SecureRandom());
        LoggerContext context = configure();
        log(context, "before");
        now.addAndGet(CENTURY_MS);
        log(context, "clock a century ahead");
        awaitError(context, "keeps its seal epoch");
        assertThat(SealState.load(dir.resolve("host.seal")).currentEpoch()).isZero();
        now.set(START + 1_500);
        log(context, "clock corrected");
        context.stop();

        assertThat(XmlConfiguredContext.errors(context)).allMatch(e -> e.contains("keeps its seal epoch")
                && e.contains("more than the 100000") && e.contains("keygen --seal"));
        Verified verified = verify(seal);
        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(verified.report().findings()).as(verified.describe()).isEmpty();
        assertThat(verified.releasedTexts()).hasSize(3);
        assertThat(SealState.load(dir.resolve("host.seal")).currentEpoch()).isEqualTo(1);
    }

    private LoggerContext configure() {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()),
                c -> c.putObject(EncryptedFileAppender.CLOCK, (LongSupplier) now::get));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isTrue();
        return context;
    }

    private static void log(LoggerContext context, String message) {
        context.getLogger("x").info(message);
    }

    /** The appender reports on its one-second timer: waits for that, with a generous limit. */
    private static void awaitError(LoggerContext context, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (XmlConfiguredContext.errors(context).stream().noneMatch(e -> e.contains(text))) {
            assertThat(System.nanoTime()).as("an error status containing '" + text + "' within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Verified verify(SealState.Created seal) throws Exception {
        return Verified.files(new SeriesVerifier.Options(List.of(reader.identity()),
                List.of(new AuditorSealKey(seal.verificationKey())), true, List.of(), 0, false), List.of(dir.resolve("app.lse")));
    }
}
