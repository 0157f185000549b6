package dev.logshield.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Configures a context from a logback.xml given as a string, through Joran, exactly as Logback reads a file. */
final class LogbackXml {

    private LogbackXml() {
    }

    /** Applies {@code xml} to {@code context}; the caller checks the status for errors. */
    static void configure(LoggerContext context, String xml) {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
    }
}
