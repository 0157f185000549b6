package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A malformed, truncated or unset recipient stops the appender with a message naming the problem; no file appears. */
class UnusableRecipientLeavesAppenderStoppedTest {

    @ParameterizedTest
    @ValueSource(strings = {"age1notarecipient", "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs", "${UNSET_VARIABLE_FOR_TEST}",
            "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"})
    void appenderStaysStopped(String recipient) throws Exception {
        Path dir = Files.createTempDirectory("lse-bad-recipient");
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", recipient));
        context.getLogger("x").info("secret");
        context.stop();

        assertThat(XmlConfiguredContext.errors(context)).anyMatch(m -> m.contains("stays stopped"));
        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
