package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the three {@link SecretBearingEvents} look like as JSON lines in Boot's structured formats (and
 * logstash-logback-encoder's): no secret anywhere in a line, and message, MDC, key-values and exception fields
 * present with their benign parts, the exception under its original class name.
 */
final class StructuredOutput {

    /** Where each format puts what the assertions look at (JSON pointers; null where the format has no such field). */
    enum Format {
        ECS("ecs", "/message", "/", "/error/type", "/error/message", "/error/stack_trace"),
        GELF("gelf", "/short_message", "/_", "/_error_type", "/_error_message", "/_error_stack_trace"),
        LOGSTASH("logstash", "/message", "/", null, null, "/stack_trace");

        /** The name {@code logging.structured.format.*} and {@code StructuredLogEncoder}'s {@code <format>} take. */
        final String bootName;
        final String message;
        final String contextPrefix;
        final String errorType;
        final String errorMessage;
        final String stackTrace;

        Format(String bootName, String message, String contextPrefix, String errorType, String errorMessage,
                String stackTrace) {
            this.bootName = bootName;
            this.message = message;
            this.contextPrefix = contextPrefix;
            this.errorType = errorType;
            this.errorMessage = errorMessage;
            this.stackTrace = stackTrace;
        }
    }

    private static final String REDACTED_REQUEST_MESSAGE = SecretBearingEvents.BENIGN_REQUEST_TEXT
            + "password=[REDACTED:secret]&card=[REDACTED:credit-card]]";

    private StructuredOutput() {
    }

    static void assertRedactedAndReadable(String written, Format format) {
        SecretBearingEvents.assertNoSecretIn(written);
        assertThat(written).as("the stand-in exception class never shows").doesNotContain("RedactedException");
        Map<String, JsonNode> byMessage = written.lines()
                .map(line -> JsonMapper.shared().readTree(line))
                .collect(Collectors.toMap(json -> text(json, format.message), json -> json));
        assertThat(byMessage).containsOnlyKeys(
                "Password reset link sent to [REDACTED:email]", "Payment declined", "Request rejected");

        for (JsonNode json : byMessage.values()) {
            assertThat(text(json, format.contextPrefix + "user")).as("MDC user").isEqualTo("[REDACTED:email]");
            assertThat(text(json, format.contextPrefix + "password")).as("MDC password").isEqualTo("[REDACTED:secret]");
            assertThat(text(json, format.contextPrefix + "traceId")).isEqualTo(SecretBearingEvents.TRACE_ID);
        }
        JsonNode declined = byMessage.get("Payment declined");
        assertThat(text(declined, format.contextPrefix + "customerEmail")).as("key-value").isEqualTo("[REDACTED:email]");
        assertThat(text(declined, format.contextPrefix + "orderId")).as("benign key-value").isEqualTo("ORD-1001");

        JsonNode rejected = byMessage.get("Request rejected");
        if (format.errorType != null) {
            // Boot reads IThrowableProxy.getClassName(): the original class, not RedactedException
            assertThat(text(rejected, format.errorType)).as("exception type, as the format reports it")
                    .isEqualTo(IllegalArgumentException.class.getName());
        }
        if (format.errorMessage != null) {
            assertThat(text(rejected, format.errorMessage)).as("exception message").isEqualTo(REDACTED_REQUEST_MESSAGE);
        }
        assertThat(text(rejected, format.stackTrace)).as("stack trace")
                .contains("java.lang.IllegalArgumentException: " + REDACTED_REQUEST_MESSAGE)
                .contains("java.lang.IllegalStateException: Owner lookup failed for [REDACTED:email] with token "
                        + "[REDACTED:jwt]")
                .contains("java.lang.UnsupportedOperationException: Upstream replied 401 to Authorization: ")
                .contains("at " + SecretBearingEvents.class.getName() + ".requestRejected(");
    }

    private static String text(JsonNode json, String pointer) {
        JsonNode node = json.at(pointer);
        assertThat(node.isMissingNode()).as("%s in %s", pointer, json).isFalse();
        return node.asString();
    }
}
