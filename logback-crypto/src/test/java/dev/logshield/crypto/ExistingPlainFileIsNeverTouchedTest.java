package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Switching an application's {@code <file>} to the encrypted appender while an old log is still there (plain text,
 * a few bytes, binary noise) never appends to or overwrites that file: the appender stays stopped, says what to
 * do, and the old file's bytes, mode and time are unchanged; nothing else is created.
 */
class ExistingPlainFileIsNeverTouchedTest {

    @TempDir
    Path dir;

    static Stream<Arguments> oldFiles() {
        byte[] noise = new byte[4096];
        new SecureRandom().nextBytes(noise);
        return Stream.of(
                Arguments.of("a plain-text log", ("2024-05-01 12:00:00 INFO shop.Orders - order 1 paid\n"
                        + "2024-05-01 12:00:01 INFO shop.Orders - order 2 paid\n").getBytes(StandardCharsets.UTF_8)),
                Arguments.of("a few bytes", "ok\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("binary noise", noise));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oldFiles")
    void theAppenderStaysStoppedAndTheFileIsUnchanged(String what, byte[] content) throws Exception {
        Path old = Files.write(dir.resolve("app.log"), content);
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        var modifiedBefore = Files.getLastModifiedTime(old);

        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", TestIdentity.generate().recipient()));
        assertThatCode(() -> context.getLogger("x").info("must not reach the old file")).doesNotThrowAnyException();
        context.stop();

        assertThat(XmlConfiguredContext.isStarted(context, "VAULT")).isFalse();
        assertThat(XmlConfiguredContext.errors(context)).anyMatch(m -> m.contains(old + " exists and is not an encrypted"
                + " LSE file: move it away or set another <file>; it is never appended to or overwritten"));
        assertThat(Files.readAllBytes(old)).isEqualTo(content);
        assertThat(Files.getLastModifiedTime(old)).isEqualTo(modifiedBefore);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).as("not even narrowed")
                .isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(old);
        }
    }
}
