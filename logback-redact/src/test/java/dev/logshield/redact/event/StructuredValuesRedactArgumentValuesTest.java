package dev.logshield.redact.event;

import static dev.logshield.redact.event.BuiltInRedactor.AWS_KEY;
import static dev.logshield.redact.event.BuiltInRedactor.CARD;
import static dev.logshield.redact.event.BuiltInRedactor.EMAIL;
import static dev.logshield.redact.event.BuiltInRedactor.PASSWORD;
import static dev.logshield.redact.event.BuiltInRedactor.REDACTOR;
import static dev.logshield.redact.event.BuiltInRedactor.SECRET_MASK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.logstash.logback.argument.StructuredArgument;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.MapEntriesAppendingMarker;
import net.logstash.logback.marker.ObjectAppendingMarker;
import net.logstash.logback.marker.ObjectFieldsAppendingMarker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of structured argument stays structured (a {@code StructuredArgument} that {@code LogstashEncoder}
 * writes as JSON fields) with its secrets gone, from its JSON and from its text in the message, while benign
 * values survive.
 */
class StructuredValuesRedactArgumentValuesTest {

    private static Object redact(Object arg) {
        assertThat(StructuredValues.isStructured(arg)).isTrue();
        Object redacted = StructuredValues.redactArgument(arg, REDACTOR);
        assertThat(redacted).isNotSameAs(arg).isInstanceOf(StructuredArgument.class);
        return redacted;
    }

    @Test
    void kvUnderASensitiveKeyIsMaskedWhole() {
        Object redacted = redact(StructuredArguments.kv("password", PASSWORD));

        assertThat(redacted).isInstanceOf(ObjectAppendingMarker.class).hasToString("password=" + SECRET_MASK);
        assertThat(LogstashJson.ofArguments(redacted).get("password").stringValue()).isEqualTo(SECRET_MASK);
    }

    @Test
    void keyValueWhoseValueIsACardNumberOrAnEmailIsRedactedInPlace() {
        Object card = redact(StructuredArguments.keyValue("payment", "card " + CARD + " charged"));
        Object email = redact(StructuredArguments.kv("contact", EMAIL));

        assertThat(card.toString()).startsWith("payment=card ").endsWith(" charged").doesNotContain(CARD);
        assertThat(email.toString()).startsWith("contact=").doesNotContain(EMAIL);
        JsonNode json = LogstashJson.ofArguments(card, email);
        assertThat(json.get("payment").stringValue()).doesNotContain(CARD).startsWith("card ");
        assertThat(json.get("contact").stringValue()).doesNotContain(EMAIL);
    }

    @Test
    void aNumberThatIsACardNumberBecomesTheRedactedText() {
        Object redacted = redact(StructuredArguments.kv("ref", Long.parseLong(CARD)));

        assertThat(redacted.toString()).startsWith("ref=").doesNotContain(CARD);
        assertThat(LogstashJson.ofArguments(redacted).get("ref").isString()).isTrue();
    }

    @Test
    void valueKeepsRenderingTheValueAlone() {
        Object redacted = redact(StructuredArguments.value("key", "rotated " + AWS_KEY));

        assertThat(redacted.toString()).startsWith("rotated ").doesNotContain(AWS_KEY).doesNotContain("key=");
        assertThat(LogstashJson.ofArguments(redacted).get("key").stringValue()).startsWith("rotated ")
                .doesNotContain(AWS_KEY);
    }

    @Test
    void entriesKeepNestedMapsAndListsWithEachValueRedactedByItsKey() {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("email", EMAIL);
        contact.put("city", "Lyon");
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("user", "bob");
        order.put("contact", contact);
        order.put("cards", List.of(CARD, "none"));
        order.put("password", PASSWORD);
        order.put("items", 3);

        Object redacted = redact(StructuredArguments.entries(order));

        assertThat(redacted).isInstanceOf(MapEntriesAppendingMarker.class);
        assertThat(redacted.toString()).doesNotContain(EMAIL, CARD, PASSWORD).contains("bob", "Lyon");
        JsonNode json = LogstashJson.ofArguments(redacted);
        assertThat(json.get("user").stringValue()).isEqualTo("bob");
        assertThat(json.get("contact").isObject()).isTrue();
        assertThat(json.get("contact").get("email").stringValue()).doesNotContain(EMAIL);
        assertThat(json.get("contact").get("city").stringValue()).isEqualTo("Lyon");
        assertThat(json.get("cards").isArray()).isTrue();
        assertThat(json.get("cards").get(0).stringValue()).doesNotContain(CARD);
        assertThat(json.get("cards").get(1).stringValue()).isEqualTo("none");
        assertThat(json.get("password").stringValue()).isEqualTo(SECRET_MASK);
        assertThat(json.get("items").intValue()).isEqualTo(3);
        assertThat(order.get("password")).as("the application's map is not modified").isEqualTo(PASSWORD);
    }

    @Test
    void aStructureUnderASensitiveKeyBecomesOneMask() {
        Object redacted = redact(StructuredArguments.kv("credentials", Map.of("user", "bob", "pass", PASSWORD)));

        assertThat(redacted).hasToString("credentials=" + SECRET_MASK);
    }

    @Test
    void arrayElementsAreRedacted() {
        Object redacted = redact(StructuredArguments.array("recipients", "ops", EMAIL, CARD));

        assertThat(redacted.toString()).startsWith("recipients=[ops, ").doesNotContain(EMAIL, CARD);
        JsonNode recipients = LogstashJson.ofArguments(redacted).get("recipients");
        assertThat(recipients.isArray()).isTrue();
        assertThat(recipients.get(0).stringValue()).isEqualTo("ops");
        assertThat(recipients.get(1).stringValue()).doesNotContain(EMAIL);
        assertThat(recipients.get(2).stringValue()).doesNotContain(CARD);
    }

    @Test
    void rawJsonWithASecretBecomesARedactedStringField() {
        Object redacted = redact(StructuredArguments.raw("body", "{\"password\":\"" + PASSWORD + "\"}"));

        assertThat(redacted).isInstanceOf(ObjectAppendingMarker.class);
        assertThat(redacted.toString()).startsWith("body=").doesNotContain(PASSWORD);
        JsonNode body = LogstashJson.ofArguments(redacted).get("body");
        assertThat(body.isString()).as("a string, so a redaction can never write broken raw JSON").isTrue();
        assertThat(body.stringValue()).doesNotContain(PASSWORD);
    }

    @Test
    void fieldsOfAMapKeepTheMapWithItsValuesRedacted() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("user", "bob");
        map.put("apiKey", "k-123");
        map.put("email", EMAIL);

        Object redacted = redact(StructuredArguments.fields(map));

        assertThat(redacted).isInstanceOf(ObjectFieldsAppendingMarker.class);
        assertThat(redacted.toString()).contains("user=bob", "apiKey=" + SECRET_MASK).doesNotContain(EMAIL, "k-123");
    }

    @Test
    void fieldsOfAPojoBecomeItsRedactedTextBecauseItsFieldsCannotBeKnown() {
        Customer customer = new Customer("Ada", EMAIL, PASSWORD);
        assertThat(LogstashJson.text(null, StructuredArguments.fields(customer)))
                .as("unredacted, Jackson writes the password toString() leaves out").contains(PASSWORD);

        Object redacted = redact(StructuredArguments.fields(customer));

        assertThat(redacted).isInstanceOf(ObjectAppendingMarker.class)
                .hasToString("Customer{name=Ada, email=" + REDACTOR.redact(EMAIL) + "}");
        assertThat(LogstashJson.ofArguments(redacted).get(LogstashValues.FIELDS).stringValue())
                .startsWith("Customer{name=Ada");
        assertThat(LogstashJson.text(null, redacted)).doesNotContain(PASSWORD, EMAIL);
    }

    @Test
    void aPojoValueIsReplacedByItsRedactedText() {
        Object redacted = redact(StructuredArguments.kv("customer", new Customer("Ada", EMAIL, PASSWORD)));

        JsonNode customer = LogstashJson.ofArguments(redacted).get("customer");
        assertThat(customer.isString()).isTrue();
        assertThat(customer.stringValue()).startsWith("Customer{name=Ada").doesNotContain(EMAIL, PASSWORD);
    }

    @Test
    void deferIsEvaluatedAndReplacedByItsRedactedValue() {
        Object redacted = redact(StructuredArguments.defer(() -> StructuredArguments.kv("password", PASSWORD)));

        assertThat(redacted).isInstanceOf(ObjectAppendingMarker.class).hasToString("password=" + SECRET_MASK);
        assertThat(LogstashJson.ofArguments(redacted).get("password").stringValue()).isEqualTo(SECRET_MASK);
    }

    @Test
    void deferOfACleanValueIsStillReplacedByThatValue() {
        StructuredArgument clean = StructuredArguments.kv("user", "bob");

        assertThat(StructuredValues.redactArgument(StructuredArguments.defer(() -> clean), REDACTOR)).isSameAs(clean);
    }

    @Test
    void aSecretInAFieldNameIsRedactedToo() {
        Object redacted = redact(StructuredArguments.kv(EMAIL, "subscribed"));

        assertThat(redacted.toString()).endsWith("=subscribed").doesNotContain(EMAIL);
    }

    @Test
    void mapKeysThatRedactToTheSameTextKeepBothValues() {
        Map<String, Object> byEmail = new LinkedHashMap<>();
        byEmail.put(EMAIL, 1);
        byEmail.put("jane.roe@example.com", 2);
        String mask = REDACTOR.redact(EMAIL);

        JsonNode json = LogstashJson.ofArguments(redact(StructuredArguments.entries(byEmail)));

        assertThat(json.toString()).doesNotContain(EMAIL, "jane.roe");
        assertThat(json.get(mask).intValue()).isEqualTo(1);
        assertThat(json.get(mask + "#2").intValue()).isEqualTo(2);
    }
}
