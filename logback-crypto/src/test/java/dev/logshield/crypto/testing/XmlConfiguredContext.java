package dev.logshield.crypto.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
        return configure(name, properties, context -> { });
    }

    /**
     * As {@link #configure(String, Map)}, with {@code beforeConfiguring} applied to the new context first (to put
     * an object into it that components read when they start).
     */
    public static LoggerContext configure(String name, Map<String, String> properties,
                                          Consumer<LoggerContext> beforeConfiguring) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.setName(name);
        beforeConfiguring.accept(context);
        reconfigure(context, name, properties);
        return context;
    }

    /**
     * Configures a running context again, as Spring Boot does on a refresh: {@code reset()} (which stops every
     * appender and clears the properties), then Joran from the XML file with {@code properties} set.
     */
    public static void reset(LoggerContext context, String name, Map<String, String> properties) {
        context.reset();
        reconfigure(context, name, properties);
    }

    private static void reconfigure(LoggerContext context, String name, Map<String, String> properties) {
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
        var found = appender(context, appender);
        return found != null && found.isStarted();
    }

    /** The root logger's appender of this name, or null. */
    public static Appender<ILoggingEvent> appender(LoggerContext context, String name) {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(name);
    }

    public static List<String> errors(LoggerContext context) {
        return statusMessages(context, Status.ERROR);
    }
}
