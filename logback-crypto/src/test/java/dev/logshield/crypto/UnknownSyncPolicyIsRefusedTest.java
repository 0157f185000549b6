package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misspelt {@code <syncPolicy>} is refused, not silently replaced: stopped, nothing written, valid values listed. */
class UnknownSyncPolicyIsRefusedTest {

    @TempDir
    Path dir;

    @Test
    void stoppedWithAnErrorListingTheValidValues() throws Exception {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", TestIdentity.generate().recipient()));
        context.getLogger("x").info("never written");
        context.stop();

        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isFalse();
        assertThat(XmlConfiguredContext.errors(context)).anyMatch(m -> m.contains("unknown <syncPolicy> 'sometimes'")
                && m.contains("none, interval, every-record or on-rollover"));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
