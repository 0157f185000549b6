package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.boot.logging.logback.RollingPolicySystemProperty;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Spring Boot's own logging system, started the way {@code SpringApplication} starts it once the Environment is
 * ready: {@code LoggingSystem.get(classLoader)}, {@code beforeInitialize()}, then {@code initialize(...)} with a
 * {@code logback-spring.xml} from {@code src/test/resources/logback-spring/}, the application's properties and
 * {@code logging.file.name} pointing into a temporary directory. Boot itself then sets {@code LOG_FILE},
 * {@code CONSOLE_LOG_PATTERN}, {@code PID}, {@code APPLICATION_NAME}... and puts the Environment into the Logback
 * context (which {@code StructuredLogEncoder} needs), and it refuses a configuration that left any ERROR status.
 *
 * <p>Boot works on SLF4J's one global Logback context and on system properties that it sets only when they are
 * unset, so {@link #close()} stops the context, cleans the logging system up and clears those properties, as
 * Boot's own tests do: tests using this run one after the other (JUnit's default).
 */
final class BootLogging implements AutoCloseable {

    /** The logger the tests log through, named like an application class. */
    static final String APP_LOGGER = "org.springframework.samples.petclinic.owner.OwnerController";

    private final LoggingSystem system;
    private final Path logFile;
    private boolean stopped;

    private BootLogging(LoggingSystem system, Path logFile) {
        this.system = system;
        this.logFile = logFile;
    }

    /**
     * Boot's logging system configured from {@code classpath:logback-spring/<config>.xml}, with
     * {@code spring.application.name=petclinic}, {@code logging.file.name=<dir>/app.log} and {@code properties}
     * (application properties, e.g. {@code logging.structured.format.file}).
     */
    static BootLogging start(String config, Path dir, Map<String, Object> properties) {
        checkTheLinesUnderTest();
        Path logFile = dir.resolve("app.log");
        Map<String, Object> all = new HashMap<>();
        all.put("spring.application.name", "petclinic");
        all.put("logging.file.name", logFile.toString());
        all.putAll(properties);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.properties", all));

        LoggingSystem system = LoggingSystem.get(BootLogging.class.getClassLoader());
        assertThat(system).as("the logging system Boot picks with Logback on the classpath")
                .isInstanceOf(LogbackLoggingSystem.class);
        BootLogging boot = new BootLogging(system, logFile);
        system.beforeInitialize();
        try {
            system.initialize(new LoggingInitializationContext(environment),
                    "classpath:logback-spring/" + config + ".xml", LogFile.get(environment));
        } catch (RuntimeException e) {
            boot.close();
            throw e;
        }
        return boot;
    }

    static BootLogging start(String config, Path dir) {
        return start(config, dir, Map.of());
    }

    Logger logger() {
        return LoggerFactory.getLogger(APP_LOGGER);
    }

    LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    /** Status messages at or above {@code level} ({@link Status#WARN}, {@link Status#ERROR}), with their causes. */
    List<String> statusMessages(int level) {
        return context().getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= level)
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : " / " + s.getThrowable()))
                .collect(Collectors.toList());
    }

    /**
     * Stops Logback as Boot does when the application shuts down (its shutdown handler): appenders flush and close,
     * an AsyncAppender delivers what it queued. Idempotent.
     */
    void stop() {
        if (!stopped) {
            stopped = true;
            Runnable shutdown = system.getShutdownHandler();
            if (shutdown != null) {
                shutdown.run();
            }
        }
    }

    /** What was written to {@code logging.file.name} (stops Logback first, so everything is on disk). */
    String logFileContent() {
        stop();
        return read(logFile);
    }

    Path logFile() {
        return logFile;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            stop();
            system.cleanUp();
        } finally {
            for (LoggingSystemProperty p : LoggingSystemProperty.values()) {
                System.clearProperty(p.getEnvironmentVariableName());
            }
            for (RollingPolicySystemProperty p : RollingPolicySystemProperty.values()) {
                System.clearProperty(p.getEnvironmentVariableName());
            }
        }
    }

    /** Fails when the classpath holds another Boot or Logback than the module's pom says it proves. */
    private static void checkTheLinesUnderTest() {
        String boot = System.getProperty("logshield.expectedSpringBoot");
        if (boot != null) {
            assertThat(SpringBootVersion.getVersion()).as("Spring Boot on the test classpath").isEqualTo(boot);
        }
        String logback = System.getProperty("logshield.expectedLogback");
        if (logback != null) {
            assertThat(LoggerContext.class.getPackage().getImplementationVersion())
                    .as("logback-classic on the test classpath").isEqualTo(logback);
        }
    }
}
