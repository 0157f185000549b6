package dev.logshield.redact.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Map;

/**
 * Configures a real Logback context from {@code src/test/resources/logback/<name>.xml}, exactly as an
 * application's logback.xml would be: the one piece every test harness shares.
 */
public final class XmlConfiguredContext {

    private XmlConfiguredContext() {
    }

    /** Names the context, sets {@code properties} (e.g. {@code dir}), then runs Joran on the XML file. */
    public static LoggerContext configure(LoggerContext context, String name, Map<String, String> properties) {
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
}
