package dev.logshield.tls.testing;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * One event with a secret in every part a sink can write, and the benign text beside each, for the tests that prove
 * LogShield's sinks redact by default: the formatted message ({@value #MESSAGE_CARD}), a placeholder argument (an
 * e-mail address), the MDC (a value under the sensitive key {@code password} and an e-mail inside a longer value),
 * a fluent key-value pair under a sensitive key (a GitHub token) and an exception whose message, cause and
 * suppressed exception each hold one.
 */
public final class SecretEvents {

    /** In the message text itself. */
    public static final String MESSAGE_CARD = "4111111111111111";
    /** The placeholder argument. */
    public static final String ARGUMENT_EMAIL = "jane.doe@example.com";
    /** MDC {@code password}: masked whole under its sensitive key. */
    public static final String MDC_PASSWORD = "hunter2";
    /** Inside MDC {@code contact}. */
    public static final String MDC_EMAIL = "ops.lead@example.org";
    /** Key-value pair {@code token}. */
    public static final String KEY_VALUE_TOKEN = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    /** In the exception's message. */
    public static final String EXCEPTION_CARD = "5500 0000 0000 0004";
    /** In its cause's message. */
    public static final String CAUSE_EMAIL = "dba@bank.example.com";
    /** In its suppressed exception's message. */
    public static final String SUPPRESSED_AWS_KEY = "AKIAQWERTY234567ABCD";

    /** The message as logged, before redaction, is {@code "order 42: card 4111... paid by jane.doe@..."}. */
    public static final String BENIGN_MESSAGE_START = "order 42: card ";
    public static final String BENIGN_MESSAGE_MIDDLE = " paid by ";
    public static final String BENIGN_MDC = "call ";
    public static final String BENIGN_EXCEPTION = "refund of card ";
    public static final String BENIGN_CAUSE = "ledger login failed for ";
    public static final String BENIGN_SUPPRESSED = "cleanup used key ";

    private SecretEvents() {
    }

    /** Every secret {@link #log} puts into its event. */
    public static List<String> secrets() {
        return List.of(MESSAGE_CARD, ARGUMENT_EMAIL, MDC_PASSWORD, MDC_EMAIL, KEY_VALUE_TOKEN, EXCEPTION_CARD,
                CAUSE_EMAIL, SUPPRESSED_AWS_KEY);
    }

    /** Every piece of benign text {@link #log} puts beside a secret. */
    public static List<String> benignText() {
        return List.of(BENIGN_MESSAGE_START, BENIGN_MESSAGE_MIDDLE, BENIGN_MDC, BENIGN_EXCEPTION, BENIGN_CAUSE,
                BENIGN_SUPPRESSED, "java.lang.IllegalStateException", "java.lang.IllegalArgumentException",
                "java.lang.RuntimeException", "order-42");
    }

    /** The exception {@link #log} logs: a secret in its message, its cause's and its suppressed exception's. */
    public static RuntimeException failure() {
        RuntimeException failure = new RuntimeException(BENIGN_EXCEPTION + EXCEPTION_CARD + " failed",
                new IllegalStateException(BENIGN_CAUSE + CAUSE_EMAIL));
        failure.addSuppressed(new IllegalArgumentException(BENIGN_SUPPRESSED + SUPPRESSED_AWS_KEY));
        return failure;
    }

    /**
     * Logs the event at ERROR through {@code logger}, with MDC {@code password}, {@code contact} and {@code order}
     * (benign: {@code order-42}) set for it only, and the key-value pair {@code token}.
     */
    public static void log(Logger logger) {
        MDC.put("password", MDC_PASSWORD);
        MDC.put("contact", BENIGN_MDC + MDC_EMAIL);
        MDC.put("order", "order-42");
        try {
            logger.atError()
                    .setMessage(BENIGN_MESSAGE_START + MESSAGE_CARD + BENIGN_MESSAGE_MIDDLE + "{}")
                    .addArgument(ARGUMENT_EMAIL)
                    .addKeyValue("token", KEY_VALUE_TOKEN)
                    .setCause(failure())
                    .log();
        } finally {
            MDC.remove("password");
            MDC.remove("contact");
            MDC.remove("order");
        }
    }
}
