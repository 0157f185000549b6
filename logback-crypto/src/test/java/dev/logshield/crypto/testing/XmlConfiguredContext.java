package dev.logshield.crypto.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.MDC;

/**
 * Configures a real Logback context from {@code src/test/resources/logback/<name>.xml}, exactly as an
 * application's logback.xml would be.
 */
public final class XmlConfiguredContext {

    private XmlConfiguredContext() {
    }

    /** A new context named {@code name}, with {@code properties} set, configured by Joran from the XML file. */
    public static LoggerContext configure(String name, Map<String, String> properties) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.setName(name);
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

    /** The messages of every status of {@code level} or worse. */
    public static List<String> statusMessages(LoggerContext context, int level) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= level)
                .map(s -> s.getMessage() + (s.getThrowable() != null ? " / " + s.getThrowable().getMessage() : ""))
                .collect(Collectors.toList());
    }

    /** True when the root logger has a started appender of this name. */
    public static boolean isStarted(LoggerContext context, String appender) {
        var found = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(appender);
        return found != null && found.isStarted();
    }

    public static List<String> errors(LoggerContext context) {
        return statusMessages(context, Status.ERROR);
    }
}
