package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import dev.logshield.springboot.StructuredOutput.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's Spring Boot {@code logback-spring.xml} is this test's XML file, character for character, and it works as
 * README says on this Boot line: the console prints Boot's own pattern with only redacted data, and the ECS JSON
 * file behind the {@code RedactingAppender} holds no secret.
 */
class ReadmeLogbackSpringXmlTest {

    private static final String CONFIG = "ReadmeLogbackSpringXmlTest";

    @TempDir
    Path dir;

    @Test
    void readmeShowsExactlyTheTestedFile() {
        String readme = BootLogging.read(Path.of(System.getProperty("logshield.readme", "../../README.md")));
        String tested = resource("logback-spring/" + CONFIG + ".xml");

        assertThat(readme).as("README.md must show logback-spring/%s.xml verbatim in an ```xml block", CONFIG)
                .contains("```xml\n" + tested + "```\n");
    }

    @Test
    void consoleAndStructuredFileHoldNoSecret() {
        try (ConsoleCapture console = new ConsoleCapture(); BootLogging boot = BootLogging.start(CONFIG, dir)) {
            SecretBearingEvents.log(boot.logger());
            boot.stop();

            BootPatternOutput.assertRedactedAndReadable(console.text());
            StructuredOutput.assertRedactedAndReadable(boot.logFileContent(), Format.ECS);
            assertThat(boot.statusMessages(Status.WARN)).isEmpty();
        }
    }

    private static String resource(String name) {
        try (InputStream in = ReadmeLogbackSpringXmlTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
