package dev.logshield.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/**
 * Runs in its own surefire execution with micrometer-core removed from the classpath (see the pom): every
 * component still loads, configures and redacts, and the meters are silently no-ops.
 */
class WorksWithoutMicrometerTest {

    @TempDir
    Path dir;

    @Test
    void micrometerIsReallyAbsentAndLoggingStillWorks() throws Exception {
        assertThat(Meters.micrometerAvailable()).isFalse();
        assertThat(Meters.forRegistry("global")).isSameAs(Meters.NOOP);

        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putProperty("dir", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback/WorksWithoutMicrometerTest.xml"));
        context.getLogger("x").info("mail jane.doe@example.com");
        context.stop();

        assertThat(Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8)).isEqualTo("mail [REDACTED:email]\n");
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(s -> s.getLevel() == Status.ERROR);
    }
}
