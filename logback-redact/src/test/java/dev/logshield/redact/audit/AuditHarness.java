package dev.logshield.redact.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.redact.testing.XmlConfiguredContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Logback context configured from {@code src/test/resources/logback/<TestClass>.xml}, exactly as an
 * application's logback.xml would be, with its file appenders writing into a temporary directory
 * ({@code ${dir}}), and the audit file read back as strict UTF-8 JSON Lines.
 */
final class AuditHarness implements AutoCloseable {

    static final Marker AUDIT = MarkerFactory.getMarker("AUDIT");

    /** Schema field names, in the order every record must have them. */
    static final List<String> FIELD_ORDER = List.of("schema", "timestamp", "action", "actor", "project_id",
            "request_id", "client_ip", "result", "details", "message");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    final LoggerContext context = new LoggerContext();
    final Path dir;

    private AuditHarness(Path dir) {
        this.dir = dir;
    }

    static AuditHarness configure(Class<?> test, Path dir) {
        AuditHarness h = new AuditHarness(dir);
        String name = test.getSimpleName();
        // share SLF4J's MDC so that org.slf4j.MDC.put(...) in tests reaches this context's events
        h.context.setMDCAdapter(MDC.getMDCAdapter());
        XmlConfiguredContext.configure(h.context, name, Map.of("dir", dir.toString()));
        return h;
    }

    Logger logger(String name) {
        return context.getLogger(name);
    }

    /**
     * The records in {@code dir/<file>}: the file must be strict UTF-8 (no encoded surrogates), end with a
     * newline, and hold exactly one JSON object per line.
     */
    List<JsonNode> records(String file) {
        String text = strictUtf8(file);
        assertThat(text).as("audit file ends with a newline").endsWith("\n");
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("line is a JSON object: %s", line).isTrue();
            out.add(node);
        }
        return out;
    }

    /** The one record in {@code dir/<file>}. */
    JsonNode onlyRecord(String file) {
        List<JsonNode> records = records(file);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    List<String> lines(String file) {
        return strictUtf8(file).lines().collect(Collectors.toList());
    }

    boolean exists(String file) {
        return Files.exists(dir.resolve(file));
    }

    private String strictUtf8(String file) {
        try {
            byte[] bytes = Files.readAllBytes(dir.resolve(file));
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field names of {@code record}, in written order. */
    static List<String> names(JsonNode record) {
        return new ArrayList<>(record.propertyNames());
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
}
