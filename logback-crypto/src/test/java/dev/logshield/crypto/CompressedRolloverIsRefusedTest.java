package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A .gz rollover pattern would rewrite files outside the chain (and ciphertext does not compress): refused. */
class CompressedRolloverIsRefusedTest {

    @TempDir
    Path dir;

    @Test
    void refusedAndStopped() {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", TestIdentity.generate().recipient()));
        assertThat(XmlConfiguredContext.errors(context)).anyMatch(m -> m.contains("compressed rollover"));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isFalse();
        context.stop();
    }
}
