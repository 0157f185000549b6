package dev.logshield.leakmatrix;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/** Logback contexts configured from {@code src/test/resources/logback/<name>.xml}, as users configure theirs. */
final class LogbackXml {

    private LogbackXml() {
    }

    /** A new context named {@code name}, sharing SLF4J's MDC, configured from the file. */
    static LoggerContext fresh(String name, Map<String, String> properties) {
        LoggerContext context = new LoggerContext();
        // share SLF4J's MDC, so that org.slf4j.MDC.put(...) reaches this context's events
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.setName(name);
        return configure(context, name, properties);
    }

    /** Runs Joran on {@code logback/<name>.xml} for {@code context}, with {@code properties} set first. */
    static LoggerContext configure(LoggerContext context, String name, Map<String, String> properties) {
        properties.forEach(context::putProperty);
        URL xml = LogbackXml.class.getResource("/logback/" + name + ".xml");
        if (xml == null) {
            throw new IllegalArgumentException("no logback/" + name + ".xml on the test classpath");
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(xml);
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        return context;
    }

    /** Status messages at {@code level} or worse. */
    static List<String> statuses(LoggerContext context, int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= level)
                .map(s -> s.getMessage() + (s.getThrowable() == null ? "" : " / " + s.getThrowable()))
                .collect(Collectors.toList());
    }

    /** Fails when configuring {@code context} reported an error: a sink that did not start proves nothing. */
    static void assertNoErrors(LoggerContext context) {
        List<String> errors = statuses(context, Status.ERROR);
        if (!errors.isEmpty()) {
            throw new AssertionError("context " + context.getName() + " reported errors: " + errors);
        }
    }
}
