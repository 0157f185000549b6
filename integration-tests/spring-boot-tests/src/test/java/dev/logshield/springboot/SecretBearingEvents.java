package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * What a Spring Boot web application typically leaks into its logs, logged through plain SLF4J as application code
 * and Tomcat do: a rejected request whose exception message holds the query string (a password and a card number),
 * with a cause (an e-mail and a JWT) and a suppressed exception (a bearer token and an AWS access key id); a message
 * with a placeholder argument (an e-mail); MDC entries (one named {@code password}, one whose value is an e-mail,
 * and a trace/span id pair for Boot's {@code %correlationId}); a fluent key-value pair (an e-mail) next to a benign
 * one.
 */
final class SecretBearingEvents {

    static final String PASSWORD = "hunter2";
    static final String CARD = "4111111111111111";
    static final String CAUSE_EMAIL = "erin.cause@example.com";
    /** {"alg":"HS256","typ":"JWT"} . {"sub":"1234567890","name":"Erin"} . signature */
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkVyaW4ifQ"
            + ".Qx7mZ3vB8kLp2Rt9YwN4sD6fH1jK5cV0aE3uG7iO2pA";
    static final String BEARER = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ZyXwVuTsRq";
    static final String AWS_KEY_ID = "AKIA2E3FQRXZ7K4PLM6N";
    static final String ARGUMENT_EMAIL = "bob.arg@example.org";
    static final String MDC_PASSWORD = "s3cr3t-Mdc-Value";
    static final String MDC_EMAIL = "carol.mdc@example.net";
    static final String KV_EMAIL = "dave.kv@example.com";

    /** Every secret above, and the distinctive parts of each (a renderer that splits a value must not leak it). */
    static final List<String> SECRETS = List.of(PASSWORD, CARD, "41111111", CAUSE_EMAIL, "erin.cause", JWT,
            "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkVyaW4ifQ", "Qx7mZ3vB8kLp2Rt9YwN4sD6fH1jK5cV0aE3uG7iO2pA", BEARER,
            AWS_KEY_ID, "2E3FQRXZ7K4PLM6N", ARGUMENT_EMAIL, "bob.arg", MDC_PASSWORD, MDC_EMAIL, "carol.mdc", KV_EMAIL,
            "dave.kv");

    /** Start of the rejected request's message: the part before the query string must survive redaction. */
    static final String BENIGN_REQUEST_TEXT = "Invalid character found in the request target [/owners?";
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN_ID = "00f067aa0ba902b7";

    private SecretBearingEvents() {
    }

    /** Logs the three events (INFO with an argument, WARN with key-values, ERROR with the exception tree). */
    static void log(Logger log) {
        MDC.put("password", MDC_PASSWORD);
        MDC.put("user", MDC_EMAIL);
        MDC.put("traceId", TRACE_ID);
        MDC.put("spanId", SPAN_ID);
        try {
            log.info("Password reset link sent to {}", ARGUMENT_EMAIL);
            log.atWarn().addKeyValue("customerEmail", KV_EMAIL).addKeyValue("orderId", "ORD-1001")
                    .log("Payment declined");
            log.error("Request rejected", requestRejected());
        } finally {
            MDC.remove("password");
            MDC.remove("user");
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    /** Tomcat's message for a bad request target, caused by a lookup failure, with a suppressed upstream error. */
    static IllegalArgumentException requestRejected() {
        IllegalStateException cause = new IllegalStateException(
                "Owner lookup failed for " + CAUSE_EMAIL + " with token " + JWT);
        IllegalArgumentException rejected = new IllegalArgumentException(
                "Invalid character found in the request target [/owners?password=" + PASSWORD + "&card=" + CARD + "]",
                cause);
        rejected.addSuppressed(new UnsupportedOperationException(
                "Upstream replied 401 to Authorization: Bearer " + BEARER + " (access key " + AWS_KEY_ID + ")"));
        return rejected;
    }

    /** Fails naming each secret (or part of one) that {@code output} contains. */
    static void assertNoSecretIn(String output) {
        assertThat(output).as("output that must hold no secret").isNotBlank();
        assertThat(SECRETS).as("secrets found in:%n%s", output).noneMatch(output::contains);
    }
}
