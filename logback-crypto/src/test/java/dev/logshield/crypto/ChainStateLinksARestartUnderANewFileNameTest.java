package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With time-based rolling and no {@code <file>}, a restart in a later period writes to a file of a new name, maybe
 * in a new dated directory, so there is no old segment in it to link to: the chain state file, kept in the fixed
 * directory of the pattern, carries the link over, and the files of both runs verify as one intact series.
 */
class ChainStateLinksARestartUnderANewFileNameTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"datedFile", "datedDirectory"})
    void bothRunsVerifyAsOneSeries(String variant) throws Exception {
        TestIdentity reader = TestIdentity.generate();
        Map<String, String> properties = Map.of("dir", dir.toString(), "recipient", reader.recipient());
        List<String> expected = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            if (run > 0) {
                waitForTheNextSecond();
            }
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName() + "-" + variant, properties);
            for (int i = 0; i < 3; i++) {
                context.getLogger("x").info("run {} event {}", run, i);
                expected.add("run " + run + " event " + i);
            }
            context.stop();
            assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        }

        assertThat(dir.resolve(".VAULT.lse-chain")).as("in the fixed directory of the pattern").exists();
        List<Path> files = Decrypted.lseFiles(dir);
        assertThat(files).as("a file per run (or more, if a run crossed a second)").hasSizeGreaterThanOrEqualTo(2);
        Decrypted decrypted = Decrypted.files(files, reader.identity());
        assertThat(decrypted.report().findings()).as("no 'series starts at segment N', no broken chain").isEmpty();
        assertThat(decrypted.report().exitCode()).isZero();
        assertThat(decrypted.lines()).containsExactlyElementsOf(expected);
    }

    private static void waitForTheNextSecond() throws InterruptedException {
        long now = System.currentTimeMillis();
        Thread.sleep(1_000 - now % 1_000 + 50);
    }

}
