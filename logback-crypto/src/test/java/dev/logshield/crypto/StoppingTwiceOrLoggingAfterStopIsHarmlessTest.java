package dev.logshield.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import dev.logshield.crypto.testing.Decrypted;
import dev.logshield.crypto.testing.TestIdentity;
import dev.logshield.crypto.testing.XmlConfiguredContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stop()} called again (by the application, then by the context) changes nothing: the segment was closed
 * once, the file is unchanged and verifies; events logged after the stop are not written and never throw.
 */
class StoppingTwiceOrLoggingAfterStopIsHarmlessTest {

    @TempDir
    Path dir;

    @Test
    void theSecondStopAndLaterEventsChangeNothing() throws Exception {
        TestIdentity reader = TestIdentity.generate();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(),
                Map.of("dir", dir.toString(), "recipient", reader.recipient()));
        Appender<ILoggingEvent> appender = XmlConfiguredContext.appender(context, "VAULT");
        context.getLogger("x").info("before the stop");

        appender.stop();
        Path file = dir.resolve("app.lse");
        byte[] closed = Files.readAllBytes(file);
        assertThatCode(appender::stop).doesNotThrowAnyException();
        assertThatCode(() -> context.getLogger("x").info("after the stop")).doesNotThrowAnyException();
        assertThatCode(context::stop).doesNotThrowAnyException();
        assertThatCode(appender::stop).doesNotThrowAnyException();
        assertThatCode(() -> context.getLogger("x").info("after the context stopped")).doesNotThrowAnyException();

        assertThat(appender.isStarted()).isFalse();
        assertThat(XmlConfiguredContext.errors(context)).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(closed);
        Decrypted decrypted = Decrypted.files(List.of(file), reader.identity());
        assertThat(decrypted.report().findings()).isEmpty();
        assertThat(decrypted.report().segments()).isEqualTo(1);
        assertThat(decrypted.lines()).containsExactly("before the stop");
    }
}
