package dev.logshield.redact.logback;

import ch.qos.logback.classic.LoggerContext;
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

/**
 * A real Logback context configured from an XML file under {@code src/test/resources/logback/}, exactly as an
 * application's logback.xml would be, with its file appenders writing into a temporary directory.
 */
final class LogbackHarness implements AutoCloseable {

    final LoggerContext context = new LoggerContext();
    final Path dir;

    private LogbackHarness(Path dir) {
        this.dir = dir;
    }

    /** Configures a context from {@code logback/<name>.xml}; {@code ${dir}} points at {@code dir}. */
    static LogbackHarness configure(String name, Path dir, Map<String, String> properties) {
        LogbackHarness h = new LogbackHarness(dir);
        // share SLF4J's MDC so that org.slf4j.MDC.put(...) in tests reaches this context's events
        h.context.setMDCAdapter(MDC.getMDCAdapter());
        XmlConfiguredContext.configure(h.context, name, withDir(properties, dir));
        return h;
    }

    static LogbackHarness configure(String name, Path dir) {
        return configure(name, dir, Map.of());
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** What the appender wrote to {@code dir/<file>}. */
    String written(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> lines(String file) {
        return written(file).lines().collect(Collectors.toList());
    }

    /** Status messages at {@code level} ({@link Status#ERROR}, {@link Status#WARN}...). */
    List<String> statusMessages(int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == level)
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : " / " + s.getThrowable()))
                .collect(Collectors.toList());
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
