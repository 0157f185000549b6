package dev.logshield.redact.audit;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;

/**
 * Logs two audit events through a Logback context configured from
 * {@code logback/AuditEncoderWorksWithoutLogstashTest.xml}, from inside a class loader that has neither
 * logstash-logback-encoder nor jackson-databind (see {@link AuditEncoderWorksWithoutLogstashTest}). Returns the
 * context's status errors, one per line.
 */
public final class WithoutLogstashRun implements Function<Path, String> {

    public WithoutLogstashRun() {
    }

    @Override
    public String apply(Path dir) {
        for (String absent : new String[] {"net.logstash.logback.argument.StructuredArgument", "tools.jackson.databind.ObjectMapper"}) {
            try {
                Class.forName(absent, false, getClass().getClassLoader());
                throw new IllegalStateException(absent + " is visible: the isolation is broken");
            } catch (ClassNotFoundException expected) {
                // as it should be
            }
        }
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("dir", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(getClass().getResource("/logback/AuditEncoderWorksWithoutLogstashTest.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        Marker audit = new BasicMarkerFactory().getMarker("AUDIT");
        context.getLogger("audit").atInfo().addMarker(audit)
                .addKeyValue("action", "token.create")
                .addKeyValue("token", "tok-1234567890abcdef")
                .addKeyValue("client_ip", "203.0.113.7")
                .log("created");
        context.getLogger("audit").info(audit, "plain {}", "argument");
        context.getLogger("audit").info("not audited");
        String errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR)
                .map(Status::getMessage)
                .collect(Collectors.joining("\n"));
        context.stop();
        return errors;
    }
}
