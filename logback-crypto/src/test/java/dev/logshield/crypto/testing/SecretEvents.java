package dev.logshield.crypto.testing;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Events with a secret in every part an encoder can write, and benign text beside each, for the tests that prove the
 * encrypted appender redacts by default: the message text, a placeholder argument, the MDC (a value under the
 * sensitive key {@code password}, an e-mail inside a longer value), a key-value pair under a sensitive key, and an
 * exception whose message, cause and suppressed exception each hold one.
 */
public final class SecretEvents {

    public static final String MESSAGE_CARD = "4111111111111111";
    public static final String ARGUMENT_EMAIL = "jane.doe@example.com";
    public static final String MDC_PASSWORD = "hunter2";
    public static final String MDC_EMAIL = "ops.lead@example.org";
    public static final String KEY_VALUE_TOKEN = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    public static final String EXCEPTION_CARD = "5500 0000 0000 0004";
    public static final String CAUSE_EMAIL = "dba@bank.example.com";
    public static final String SUPPRESSED_AWS_KEY = "AKIAQWERTY234567ABCD";

    private SecretEvents() {
    }

    /** Every secret {@link #log} puts into its events. */
    public static List<String> secrets() {
        return List.of(MESSAGE_CARD, ARGUMENT_EMAIL, MDC_PASSWORD, MDC_EMAIL, KEY_VALUE_TOKEN, EXCEPTION_CARD,
                CAUSE_EMAIL, SUPPRESSED_AWS_KEY);
    }

    /**
     * Logs two events through {@code logger}: {@code order 42: card ... paid by {}} with MDC {@code password},
     * {@code contact} and {@code order} and the key-value pair {@code token}, then {@code refund failed} with the
     * exception.
     */
    public static void log(Logger logger) {
        MDC.put("password", MDC_PASSWORD);
        MDC.put("contact", "call " + MDC_EMAIL);
        MDC.put("order", "order-42");
        try {
            logger.atInfo()
                    .setMessage("order 42: card " + MESSAGE_CARD + " paid by {}")
                    .addArgument(ARGUMENT_EMAIL)
                    .addKeyValue("token", KEY_VALUE_TOKEN)
                    .log();
        } finally {
            MDC.remove("password");
            MDC.remove("contact");
            MDC.remove("order");
        }
        RuntimeException failure = new RuntimeException("refund of card " + EXCEPTION_CARD + " failed",
                new IllegalStateException("ledger login failed for " + CAUSE_EMAIL));
        failure.addSuppressed(new IllegalArgumentException("cleanup used key " + SUPPRESSED_AWS_KEY));
        logger.error("refund failed", failure);
    }
}
