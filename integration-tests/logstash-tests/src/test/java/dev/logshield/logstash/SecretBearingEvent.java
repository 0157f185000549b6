package dev.logshield.logstash;

import static dev.logshield.logstash.Secrets.CARD;
import static dev.logshield.logstash.Secrets.EMAIL;
import static dev.logshield.logstash.Secrets.PASSWORD;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * One event per way logstash-logback-encoder lets a value reach the JSON line (every structured argument, the
 * markers, MDC, an exception), each carrying a secret. {@code fields(map)} is not among them: the library writes
 * {@code fields(...)} through Jackson's unwrapping serializer, which a map does not have, so a map's entries never
 * reach the line ({@link LogstashRedactionChangesOnlyTheSecretsTest}). The same events are logged with and without
 * {@code RedactingAppender}: without it, each line shows its secret, so a clean line behind it proves something.
 */
enum SecretBearingEvent {

    KV_PASSWORD(PASSWORD, log -> log.info("login {}", StructuredArguments.kv("password", PASSWORD))),
    KV_NOTE_IN_MESSAGE(EMAIL, log -> log.info("sent {}", StructuredArguments.kv("note", "mail " + EMAIL))),
    KV_NOTE_NOT_IN_MESSAGE(EMAIL, log -> log.info("sent", StructuredArguments.kv("note", "mail " + EMAIL))),
    VALUE(EMAIL, log -> log.info("contact {}", StructuredArguments.value("contact", EMAIL))),
    ENTRIES(CARD, log -> log.info("card on file",
            StructuredArguments.entries(Map.of("card", CARD, "city", "Oslo")))),
    ENTRIES_NESTED(EMAIL, log -> log.info("customer", StructuredArguments.entries(Map.of(
            "customer", Map.of("email", EMAIL, "city", "Oslo"),
            "cards", List.of(CARD, "none"))))),
    ARRAY(CARD, log -> log.info("cards {}", StructuredArguments.array("cards", CARD, "none"))),
    RAW(PASSWORD, log -> log.info("body", StructuredArguments.raw("json", "{\"password\":\"" + PASSWORD + "\"}"))),
    FIELDS_OF_A_POJO(PASSWORD, log -> log.info("account", StructuredArguments.fields(new Account(EMAIL, PASSWORD)))),
    /** Not placed: placed, a DeferredStructuredArgument (no toString()) shows its identity in the message. */
    DEFER(PASSWORD, log -> log.info("login",
            StructuredArguments.defer(() -> StructuredArguments.kv("password", PASSWORD)))),
    MARKERS_APPENDED(EMAIL, log -> log.info(Markers.append("customer", EMAIL).and(Markers.append("safe", "ok")),
            "order placed")),
    MARKER_ENTRIES(CARD, log -> log.info(Markers.appendEntries(Map.of("card", CARD, "city", "Oslo")),
            "card on file")),
    MARKER_RAW(PASSWORD, log -> log.info(Markers.appendRaw("payload", "{\"password\":\"" + PASSWORD + "\"}"),
            "payload")),
    MARKER_DEFER(EMAIL, log -> log.info(Markers.defer(() -> Markers.append("customer", EMAIL)), "order placed")),
    MDC_VALUE(EMAIL, log -> {
        MDC.put("customer", EMAIL);
        MDC.put("region", "eu-north-1");
        try {
            log.info("checkout");
        } finally {
            MDC.remove("customer");
            MDC.remove("region");
        }
    }),
    EXCEPTION(EMAIL, log -> log.error("login failed",
            new IllegalStateException("no account for " + EMAIL + " with password=" + PASSWORD)));

    private final String secret;
    private final Consumer<Logger> logging;

    SecretBearingEvent(String secret, Consumer<Logger> logging) {
        this.secret = secret;
        this.logging = logging;
    }

    /** The secret this event's line shows when nothing redacts it. */
    String secret() {
        return secret;
    }

    void logTo(Logger log) {
        logging.accept(log);
    }
}
