package dev.logshield.redact.filter;

import ch.qos.logback.classic.LoggerContext;
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
import org.slf4j.spi.MDCAdapter;

/**
 * A real Logback context configured from {@code src/test/resources/logback/<name>.xml}, as an application's
 * logback.xml would be, with {@code ${dir}} pointing at a temporary directory for the file appenders.
 */
final class LogbackHarness implements AutoCloseable {

    final LoggerContext context = new LoggerContext();
    private final Path dir;

    private LogbackHarness(Path dir) {
        this.dir = dir;
    }

    /** Configures from {@code logback/<name>.xml} with SLF4J's MDC, so that {@code MDC.put(...)} in tests counts. */
    static LogbackHarness configure(String name, Path dir) {
        return configure(name, dir, MDC.getMDCAdapter());
    }

    static LogbackHarness configure(String name, Path dir, MDCAdapter mdc) {
        LogbackHarness h = new LogbackHarness(dir);
        h.context.setMDCAdapter(mdc);
        XmlConfiguredContext.configure(h.context, name, Map.of("dir", dir.toString()));
        return h;
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /** The (first) access-control filter of this context. */
    AccessControlTurboFilter filter() {
        return (AccessControlTurboFilter) context.getTurboFilterList().stream()
                .filter(AccessControlTurboFilter.class::isInstance).findFirst().orElseThrow();
    }

    /** The lines the appender wrote to {@code dir/<file>} (none if it never wrote). */
    List<String> lines(String file) {
        Path path = dir.resolve(file);
        try {
            return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status messages at {@code level} ({@code Status.ERROR}, {@code Status.WARN}...). */
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
}
