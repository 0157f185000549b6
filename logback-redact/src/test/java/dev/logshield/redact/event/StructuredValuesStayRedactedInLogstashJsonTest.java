package dev.logshield.redact.event;

import static dev.logshield.redact.event.BuiltInRedactor.AWS_KEY;
import static dev.logshield.redact.event.BuiltInRedactor.CARD;
import static dev.logshield.redact.event.BuiltInRedactor.EMAIL;
import static dev.logshield.redact.event.BuiltInRedactor.PASSWORD;
import static dev.logshield.redact.event.BuiltInRedactor.REDACTOR;
import static dev.logshield.redact.event.BuiltInRedactor.SECRET_MASK;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.logshield.redact.testing.XmlConfiguredContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event whose arguments and markers went through {@link StructuredValues}, written by a stock
 * {@code LogstashEncoder} configured from logback.xml, keeps its structured fields (objects, arrays, values) and
 * its formatted message, with no trace of any secret; the same event unredacted shows them all.
 */
class StructuredValuesStayRedactedInLogstashJsonTest {

    private static final List<String> SECRETS = List.of(PASSWORD, CARD, EMAIL, AWS_KEY, "k-123");

    @TempDir
    Path dir;
    private LoggerContext context;
    private Logger logger;

    @BeforeEach
    void configure() {
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        XmlConfiguredContext.configure(context, getClass().getSimpleName(), Map.of("dir", dir.toString()));
        logger = context.getLogger("app.login");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void unredactedTheEventCarriesEverySecret() throws IOException {
        log(arguments(), markers());

        assertThat(written()).contains(SECRETS);
    }

    @Test
    void redactedTheEventKeepsItsStructureAndNoSecret() throws IOException {
        Object[] arguments = arguments();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = StructuredValues.redactArgument(arguments[i], REDACTOR);
        }

        log(arguments, StructuredValues.redactMarkers(markers(), REDACTOR));

        String line = written();
        assertThat(line).doesNotContain(SECRETS);
        JsonNode event = JsonMapper.builder().build().readTree(line);
        assertThat(event.get("message").stringValue())
                .startsWith("login password=" + SECRET_MASK + " user=bob")
                .doesNotContain(SECRETS);
        assertThat(event.get("password").stringValue()).isEqualTo(SECRET_MASK);
        assertThat(event.get("user").stringValue()).isEqualTo("bob");
        assertThat(event.get("note").stringValue()).as("defer(...) evaluated").startsWith("rotated ");
        assertThat(event.get("order").isObject()).isTrue();
        assertThat(event.get("order").get("items").intValue()).isEqualTo(3);
        assertThat(event.get("order").get("cards").isArray()).isTrue();
        assertThat(event.get("order").get("contact").get("city").stringValue()).isEqualTo("Lyon");
        assertThat(event.get("apiKey").stringValue()).isEqualTo(SECRET_MASK);
        assertThat(event.get("region").stringValue()).isEqualTo("eu-west-1");
        assertThat(event.get("session").stringValue()).isEqualTo(SECRET_MASK);
        assertThat(event.get("body").isString()).isTrue();
        assertThat(event.get("tags").get(0).stringValue()).isEqualTo("AUDIT");
    }

    private static Object[] arguments() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", EMAIL);
        contact.put("city", "Lyon");
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("items", 3);
        order.put("cards", List.of(CARD));
        order.put("contact", contact);
        return new Object[] {
            StructuredArguments.kv("password", PASSWORD),
            StructuredArguments.kv("user", "bob"),
            StructuredArguments.kv("order", order),
            StructuredArguments.defer(() -> StructuredArguments.kv("note", "rotated " + AWS_KEY)),
        };
    }

    private static List<Marker> markers() {
        Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
        List<Marker> markers = new ArrayList<>();
        markers.add(audit);
        markers.add(Markers.append("apiKey", "k-123")
                .and(Markers.append("region", "eu-west-1"))
                .and(Markers.defer(() -> Markers.append("session", "s-42")))
                .and(Markers.appendRaw("body", "{\"password\":\"" + PASSWORD + "\"}")));
        return markers;
    }

    private void log(Object[] arguments, List<Marker> markers) {
        LoggingEvent event =
                new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "login {} {} {} {}", null, arguments);
        markers.forEach(event::addMarker);
        logger.callAppenders(event);
    }

    private String written() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("out.log"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
