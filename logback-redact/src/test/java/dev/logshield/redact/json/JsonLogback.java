package dev.logshield.redact.json;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import dev.logshield.redact.testing.XmlConfiguredContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Logback context configured from {@code src/test/resources/logback/<name>.xml} as an application's logback.xml
 * would be, writing into a temporary directory, with the JSON it wrote parsed back. Every line read through
 * {@link #events} is checked to be exactly one JSON object without a duplicate key.
 */
final class JsonLogback implements AutoCloseable {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    final LoggerContext context = new LoggerContext();
    final Path dir;

    private JsonLogback(Path dir) {
        this.dir = dir;
    }

    static JsonLogback configure(String name, Path dir, Map<String, String> properties) {
        JsonLogback h = new JsonLogback(dir);
        h.context.setMDCAdapter(MDC.getMDCAdapter()); // org.slf4j.MDC.put(...) in tests reaches this context
        XmlConfiguredContext.configure(h.context, name, withDir(properties, dir));
        return h;
    }

    static JsonLogback configure(String name, Path dir) {
        return configure(name, dir, Map.of());
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    byte[] bytes(String file) {
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String written(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    /** Every line of {@code file}, each checked to be one JSON object with no key twice, parsed back. */
    List<JsonNode> events(String file) {
        String all = written(file);
        assertThat(all).as("output ends with a line separator").endsWith("\n");
        return all.lines().map(line -> {
            assertThat(DuplicateKeys.in(line)).as("duplicate keys in %s", line).isEmpty();
            JsonNode node = MAPPER.readTree(line);
            assertThat(node.isObject()).as("one object per line: %s", line).isTrue();
            return node;
        }).collect(Collectors.toList());
    }

    /** The only event written to {@code file}. */
    JsonNode event(String file) {
        List<JsonNode> events = events(file);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    List<String> statusMessages(int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == level)
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : " / " + s.getThrowable()))
                .collect(Collectors.toList());
    }

    List<String> errors() {
        return statusMessages(Status.ERROR);
    }

    /** The encoder of the appender named {@code appender} on the root logger. */
    <T> T encoder(String appender) {
        return encoder(Logger.ROOT_LOGGER_NAME, appender);
    }

    /** The encoder of the appender named {@code appender} on {@code logger}. */
    @SuppressWarnings("unchecked")
    <T> T encoder(String logger, String appender) {
        OutputStreamAppender<?> a = (OutputStreamAppender<?>) context.getLogger(logger).getAppender(appender);
        return (T) a.getEncoder();
    }

    @Override
    public void close() {
        context.stop();
    }

    private static Map<String, String> withDir(Map<String, String> properties, Path dir) {
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.put("dir", dir.toString());
        return all;
    }
}
