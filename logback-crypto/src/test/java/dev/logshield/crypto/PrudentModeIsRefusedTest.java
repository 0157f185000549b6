package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prudent mode (several JVMs on one file) cannot keep sequence numbers unique: refused with a clear error. */
class PrudentModeIsRefusedTest {

    @TempDir
    Path dir;

    @Test
    void refusedAndStopped() {
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", TestIdentity.generate().recipient()));
        assertThat(XmlConfiguredContext.errors(context)).anyMatch(m -> m.contains("prudent mode is not supported"));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isFalse();
        context.stop();
    }
}
