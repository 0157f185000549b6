package dev.logshield.logstash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each event, written by the same {@code LogstashEncoder} configuration once behind {@code RedactingAppender} and
 * once without it (one context, {@code logback/redacted-beside-plain.xml}): the redacted line has the same fields, every value that held no secret unchanged, and every object and array that held one still an
 * object or array of the same shape, element by element, with only its secret-bearing strings replaced by masks.
 * The two changes README documents are the exceptions: raw JSON that held a secret becomes a string, and
 * {@code fields(pojo)} becomes the string field {@code fields} ({@link LogstashStructuredArgumentsStayStructuredTest}).
 */
class LogstashRedactionChangesOnlyTheSecretsTest {

    /** Raw JSON with a secret in it becomes a string field: a redaction can never write invalid raw JSON. */
    private static final Set<SecretBearingEvent> RAW_JSON =
            EnumSet.of(SecretBearingEvent.RAW, SecretBearingEvent.MARKER_RAW);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = SecretBearingEvent.class, mode = EnumSource.Mode.EXCLUDE, names = "FIELDS_OF_A_POJO")
    void sameFieldsAndShapesWithOnlyTheSecretsMasked(SecretBearingEvent event) {
        try (LogstashLogging logging = LogstashLogging.start(LogstashLogging.SIDE_BY_SIDE, dir)) {
            event.logTo(logging.logger());

            JsonNode plain = LogstashLogging.parse(logging.onlyLine("plain.json"));
            JsonNode redacted = LogstashLogging.parse(logging.onlyLine("redacted.json"));
            // in any order: the MDC and Map.of(...) maps have none that means anything
            assertThat(names(redacted)).containsExactlyInAnyOrderElementsOf(names(plain));
            for (String name : names(plain)) {
                if (name.equals("@timestamp")) {
                    continue; // each file appender's encoder formats the same event's time: equal, but not the point
                }
                if (RAW_JSON.contains(event) && holdsASecret(plain.get(name))) {
                    assertThat(redacted.get(name).isTextual()).as("%s: raw JSON that held a secret", name).isTrue();
                    assertThat(redacted.get(name).asText()).contains(Secrets.MASK);
                    continue;
                }
                assertRedactedLike(plain.get(name), redacted.get(name), name);
            }
        }
    }

    /**
     * logstash-logback-encoder writes {@code fields(...)} through Jackson's unwrapping serializer, which a map does not
     * have: the map's entries are not written at all, with or without RedactingAppender ({@code entries(map)} is the
     * library's way to write a map's entries). 7.x, 8.x and 9.0 alike; the day a version writes them, this fails.
     */
    @Test
    void fieldsOfAMapAreNotWrittenWithOrWithoutRedaction() {
        try (LogstashLogging logging = LogstashLogging.start(LogstashLogging.SIDE_BY_SIDE, dir)) {
            logging.logger().info("card on file",
                    StructuredArguments.fields(Map.of("card", Secrets.CARD, "city", "Oslo")));

            JsonNode plain = LogstashLogging.parse(logging.onlyLine("plain.json"));
            JsonNode redacted = LogstashLogging.parse(logging.onlyLine("redacted.json"));
            assertThat(plain.has("city")).as("plain: %s", plain).isFalse();
            assertThat(plain.has("card")).isFalse();
            assertThat(names(redacted)).containsExactlyInAnyOrderElementsOf(names(plain));
        }
    }

    /** {@code redacted} is {@code plain} where plain holds no secret, else a value of the same shape or a mask. */
    private static void assertRedactedLike(JsonNode plain, JsonNode redacted, String path) {
        if (!holdsASecret(plain)) {
            assertThat(redacted).as(path).isEqualTo(plain);
        } else if (plain.isObject()) {
            assertThat(redacted.isObject()).as("%s is still an object: %s", path, redacted).isTrue();
            assertThat(names(redacted)).as(path).containsExactlyInAnyOrderElementsOf(names(plain));
            for (String name : names(plain)) {
                assertRedactedLike(plain.get(name), redacted.get(name), path + "." + name);
            }
        } else if (plain.isArray()) {
            assertThat(redacted.isArray()).as("%s is still an array: %s", path, redacted).isTrue();
            assertThat(redacted).as(path).hasSameSizeAs(plain);
            for (int i = 0; i < plain.size(); i++) {
                assertRedactedLike(plain.get(i), redacted.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(redacted.isTextual()).as("%s: %s", path, redacted).isTrue();
            assertThat(redacted.asText()).as(path).contains(Secrets.MASK).doesNotContain(Secrets.ALL);
        }
    }

    private static boolean holdsASecret(JsonNode node) {
        String text = node.toString();
        return Secrets.ALL.stream().anyMatch(text::contains);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
