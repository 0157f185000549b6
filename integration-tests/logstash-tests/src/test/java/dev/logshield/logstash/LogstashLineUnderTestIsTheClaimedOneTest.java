package dev.logshield.logstash;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;

/**
 * The classpath is the one this module claims to prove: logstash-logback-encoder of the pinned version (its
 * manifest's {@code Bundle-Version}), with Jackson 2 and without Jackson 3 (logback-redact declares
 * logstash-logback-encoder 9 and Jackson 3 optional; were either to come along, the other tests would prove
 * nothing about 7.x or 8.x), on the build's Logback.
 */
class LogstashLineUnderTestIsTheClaimedOneTest {

    @Test
    void logstashLogbackEncoderIsThePinnedVersion() throws IOException, URISyntaxException {
        String expected = System.getProperty("logshield.expectedLogstash");
        assertThat(expected).as("system property logshield.expectedLogstash (set by the module's pom)").isNotBlank();

        Path jar = Path.of(LogstashEncoder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            String bundleVersion = file.getManifest().getMainAttributes().getValue("Bundle-Version");
            assertThat(bundleVersion).as("Bundle-Version of %s", jar).startsWith(expected + ".");
        }
    }

    @Test
    void jackson2IsPresentAndJackson3Absent() {
        assertThat(loadable("com.fasterxml.jackson.databind.ObjectMapper")).isTrue();
        assertThat(loadable("com.fasterxml.jackson.core.JsonGenerator")).isTrue();
        assertThat(loadable("tools.jackson.core.JsonGenerator")).as("Jackson 3 on the classpath").isFalse();
        assertThat(loadable("tools.jackson.databind.ObjectMapper")).as("Jackson 3 on the classpath").isFalse();
    }

    @Test
    void logbackIsTheBuildsLine() {
        String expected = System.getProperty("logshield.expectedLogback");
        assertThat(expected).as("system property logshield.expectedLogback (set by the module's pom)").isNotBlank();
        assertThat(LoggerContext.class.getPackage().getImplementationVersion()).isEqualTo(expected);
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, LogstashLineUnderTestIsTheClaimedOneTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
