package dev.logshield.tls.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.status.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Header fields hold only printable US-ASCII of RFC 5424's lengths: spaces, control and non-ASCII characters become
 * {@code _}, APP-NAME is cut to 48 and PROCID to 128 characters, a logger name used as MSGID keeps its last 32, and
 * every configured or default value (here the context name) that had to change is a status warning.
 */
class HeaderValuesAreSanitizedTest {

    private static final String LONG = "x".repeat(200);

    @Test
    void fieldsAreSanitisedAndCut() {
        try (LogbackXml logback = LogbackXml.configure(getClass().getSimpleName(), "my shop", Map.of("long", LONG))) {
            String dirty = new String(logback.encoder("DIRTY").encode(
                    logback.event("l", Level.INFO, "m", null, Map.of())), UTF_8);
            assertThat(dirty).isEqualTo("<14>1 2026-11-25T10:11:12.123456Z web_1.ex_mple my_shop "
                    + ("pid-" + LONG).substring(0, 128) + " order_id - m");

            String logger = new String(logback.encoder("LOGGER").encode(
                    logback.event("com.acme.payments.internal.Gateway Ünï", Level.INFO, "m", null, Map.of())), UTF_8);
            assertThat(logger).isEqualTo("<14>1 2026-11-25T10:11:12.123456Z h " + LONG.substring(0, 48)
                    + " 1 me.payments.internal.Gateway__n_ - m");

            assertThat(logback.statusMessages(Status.WARN))
                    .anySatisfy(m -> assertThat(m).contains("<hostname> 'web 1.exämple'").contains("sent as 'web_1.ex_mple'"))
                    .anySatisfy(m -> assertThat(m).contains("<appName> (the context name) 'my shop'")
                            .contains("sent as 'my_shop'"))
                    .anySatisfy(m -> assertThat(m).contains("<procId>").contains("1 to 128 printable US-ASCII"))
                    .anySatisfy(m -> assertThat(m).contains("<appName>").contains("1 to 48 printable US-ASCII"))
                    .anySatisfy(m -> assertThat(m).contains("<msgId> 'order id'").contains("sent as 'order_id'"));
        }
    }
}
