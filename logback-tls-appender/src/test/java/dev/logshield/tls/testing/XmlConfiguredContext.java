package dev.logshield.tls.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/** A real Logback context configured from {@code src/test/resources/logback/<name>.xml}, as users configure theirs. */
public final class XmlConfiguredContext {

    private XmlConfiguredContext() {
    }

    public static LoggerContext configure(String name, Map<String, String> properties) {
        return configure(name, name, properties);
    }

    /** A context named {@code contextName}, configured from {@code logback/<name>.xml}. */
    public static LoggerContext configure(String name, String contextName, Map<String, String> properties) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.setName(contextName);
        properties.forEach(context::putProperty);
        URL xml = XmlConfiguredContext.class.getResource("/logback/" + name + ".xml");
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

    /** Messages of every status at {@code level} or worse. */
    public static List<String> statuses(LoggerContext context, int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= level)
                .map(s -> s.getMessage() + (s.getThrowable() != null ? " / " + s.getThrowable().getMessage() : ""))
                .collect(Collectors.toList());
    }

    public static List<String> errors(LoggerContext context) {
        return statuses(context, Status.ERROR);
    }

    public static boolean isStarted(LoggerContext context, String appender) {
        var found = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(appender);
        return found != null && found.isStarted();
    }
}
