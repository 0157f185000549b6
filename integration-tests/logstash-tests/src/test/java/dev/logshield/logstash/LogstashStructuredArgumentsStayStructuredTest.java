package dev.logshield.logstash;

import static dev.logshield.logstash.Secrets.CARD_MASK;
import static dev.logshield.logstash.Secrets.EMAIL_MASK;
import static dev.logshield.logstash.Secrets.SECRET_MASK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * logstash-logback-encoder's {@code StructuredArguments} behind {@code RedactingAppender} are still written by
 * {@code LogstashEncoder} as JSON fields (objects and arrays element by element) with their values redacted, as
 * README says: {@code raw(...)} becomes a string field only when something in it was redacted, {@code fields(pojo)}
 * becomes the string field {@code fields} holding the POJO's redacted {@code toString()}, {@code defer(...)} is
 * evaluated. Which secrets are absent is {@link LogstashBehindRedactingAppenderWritesNoSecretTest}'s job.
 */
class LogstashStructuredArgumentsStayStructuredTest {

    @TempDir
    Path dir;
    private LogstashLogging logging;

    @BeforeEach
    void start() {
        logging = LogstashLogging.start(LogstashLogging.REDACTED, dir);
    }

    @AfterEach
    void stop() {
        logging.close();
    }

    private JsonNode logged(SecretBearingEvent event) {
        event.logTo(logging.logger());
        return logging.onlyEvent();
    }

    @Test
    void kvUnderASensitiveNameIsMaskedWhole() {
        JsonNode json = logged(SecretBearingEvent.KV_PASSWORD);

        assertThat(json.get("password").isTextual()).isTrue();
        assertThat(json.get("password").asText()).isEqualTo(SECRET_MASK);
        assertThat(json.get("message").asText()).isEqualTo("login password=" + SECRET_MASK);
    }

    @Test
    void kvPlacedInTheMessageStaysAFieldWithItsTextRedacted() {
        JsonNode json = logged(SecretBearingEvent.KV_NOTE_IN_MESSAGE);

        assertThat(json.get("note").asText()).isEqualTo("mail " + EMAIL_MASK);
        assertThat(json.get("message").asText()).isEqualTo("sent note=mail " + EMAIL_MASK);
    }

    @Test
    void kvNotPlacedInTheMessageStaysAFieldWithItsTextRedacted() {
        JsonNode json = logged(SecretBearingEvent.KV_NOTE_NOT_IN_MESSAGE);

        assertThat(json.get("note").asText()).isEqualTo("mail " + EMAIL_MASK);
        assertThat(json.get("message").asText()).isEqualTo("sent");
    }

    @Test
    void valueStaysAFieldAndShowsOnlyItsValueInTheMessage() {
        JsonNode json = logged(SecretBearingEvent.VALUE);

        assertThat(json.get("contact").asText()).isEqualTo(EMAIL_MASK);
        assertThat(json.get("message").asText()).isEqualTo("contact " + EMAIL_MASK);
    }

    @Test
    void entriesStayTopLevelFields() {
        JsonNode json = logged(SecretBearingEvent.ENTRIES);

        assertThat(json.get("city").asText()).isEqualTo("Oslo");
        assertThat(json.get("card").isTextual()).isTrue();
        assertThat(json.get("card").asText()).isEqualTo(CARD_MASK);
    }

    @Test
    void nestedEntriesStayObjectsAndArrays() {
        JsonNode json = logged(SecretBearingEvent.ENTRIES_NESTED);

        JsonNode customer = json.get("customer");
        assertThat(customer.isObject()).as("customer: %s", customer).isTrue();
        assertThat(customer.get("city").asText()).isEqualTo("Oslo");
        assertThat(customer.get("email").asText()).isEqualTo(EMAIL_MASK);
        JsonNode cards = json.get("cards");
        assertThat(cards.isArray()).as("cards: %s", cards).isTrue();
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).asText()).isEqualTo(CARD_MASK);
        assertThat(cards.get(1).asText()).isEqualTo("none");
    }

    @Test
    void arrayStaysAnArrayElementByElement() {
        JsonNode json = logged(SecretBearingEvent.ARRAY);

        JsonNode cards = json.get("cards");
        assertThat(cards.isArray()).as("cards: %s", cards).isTrue();
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).asText()).isEqualTo(CARD_MASK);
        assertThat(cards.get(1).asText()).isEqualTo("none");
        assertThat(json.get("message").asText()).isEqualTo("cards cards=[" + CARD_MASK + ", none]");
    }

    @Test
    void rawJsonWithASecretBecomesAStringField() {
        JsonNode json = logged(SecretBearingEvent.RAW);

        assertThat(json.get("json").isTextual()).as("json: %s", json.get("json")).isTrue();
        assertThat(json.get("json").asText()).isEqualTo("{\"password\":\"" + SECRET_MASK + "\"}");
    }

    @Test
    void rawJsonWithNothingToRedactStaysJson() {
        logging.logger().info("geo", StructuredArguments.raw("geo", "{\"city\":\"Oslo\",\"zip\":[\"0150\"]}"));

        JsonNode geo = logging.onlyEvent().get("geo");
        assertThat(geo.isObject()).as("geo: %s", geo).isTrue();
        assertThat(geo.get("city").asText()).isEqualTo("Oslo");
        assertThat(geo.get("zip").get(0).asText()).isEqualTo("0150");
    }

    @Test
    void fieldsOfAPojoBecomeItsRedactedText() {
        JsonNode json = logged(SecretBearingEvent.FIELDS_OF_A_POJO);

        assertThat(json.get("fields").asText()).isEqualTo("Account[user=" + EMAIL_MASK + "]");
        assertThat(json.has("password")).as("the POJO's getters are not serialised").isFalse();
        assertThat(json.has("user")).isFalse();
    }

    @Test
    void deferIsEvaluatedAndItsValueRedacted() {
        JsonNode json = logged(SecretBearingEvent.DEFER);

        assertThat(json.get("password").asText()).isEqualTo(SECRET_MASK);
        assertThat(json.get("message").asText()).isEqualTo("login");
    }

    @Test
    void cleanArgumentsAreWrittenAsTheyAre() {
        logging.logger().info("order {} {}", StructuredArguments.kv("items", 3),
                StructuredArguments.entries(Map.of("city", "Oslo", "express", true)));

        JsonNode json = logging.onlyEvent();
        assertThat(json.get("items").isInt()).isTrue();
        assertThat(json.get("items").asInt()).isEqualTo(3);
        assertThat(json.get("city").asText()).isEqualTo("Oslo");
        assertThat(json.get("express").isBoolean()).isTrue();
        assertThat(json.get("message").asText()).startsWith("order items=3 {");
    }
}
