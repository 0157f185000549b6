package dev.logshield.logstash;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * A Logback context configured from {@code src/test/resources/logback/<config>.xml} as users configure theirs, with
 * {@code ${dir}} set to a temporary directory where its JSON file appenders write ({@code app.json}, or
 * {@code redacted.json} and {@code plain.json}). The lines are parsed with the Jackson 2 {@link ObjectMapper} that
 * logstash-logback-encoder 7.x/8.x brings.
 */
final class LogstashLogging implements AutoCloseable {

    /** Behind RedactingAppender, as README says to configure LogstashEncoder. */
    static final String REDACTED = "behind-redacting-appender";
    /** The same appender and encoder referenced from root directly: the control. */
    static final String UNREDACTED = "logstash-encoder-alone";
    /** Both in one context: each event reaches {@code redacted.json} through RedactingAppender and {@code plain.json}. */
    static final String SIDE_BY_SIDE = "redacted-beside-plain";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoggerContext context;
    private final Path dir;

    private LogstashLogging(LoggerContext context, Path dir) {
        this.context = context;
        this.dir = dir;
    }

    /**
     * A new context configured from {@code logback/<config>.xml}; fails when configuring it reported an error (a
     * sink that did not start would prove nothing).
     */
    static LogstashLogging start(String config, Path dir) {
        LoggerContext context = new LoggerContext();
        context.setName(config);
        // share SLF4J's MDC, so that org.slf4j.MDC.put(...) reaches this context's events
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putProperty("dir", dir.toString());
        URL xml = LogstashLogging.class.getResource("/logback/" + config + ".xml");
        if (xml == null) {
            throw new IllegalArgumentException("no logback/" + config + ".xml on the test classpath");
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(xml);
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        LogstashLogging logging = new LogstashLogging(context, dir);
        assertThat(logging.statusMessages(Status.WARN)).as("status of %s", config).isEmpty();
        return logging;
    }

    /** The logger the tests log through, named like an application class. */
    Logger logger() {
        return context.getLogger("com.example.shop.CheckoutService");
    }

    /** Status messages at or above {@code level}, with their causes. */
    List<String> statusMessages(int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= level)
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : " / " + s.getThrowable()))
                .collect(Collectors.toList());
    }

    /** The one line written so far to {@code app.json}, as text. */
    String onlyLine() {
        return onlyLine("app.json");
    }

    /** The one line written so far to {@code file} (the file appenders flush each event), as text. */
    String onlyLine(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(lines).as("lines written to %s", file).hasSize(1);
        return lines.get(0);
    }

    /** The one line written so far to {@code app.json}, parsed. */
    JsonNode onlyEvent() {
        return parse(onlyLine());
    }

    /** {@code line} parsed with Jackson 2; fails the test when it is not one JSON object. */
    static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    @Override
    public void close() {
        context.stop();
    }
}
