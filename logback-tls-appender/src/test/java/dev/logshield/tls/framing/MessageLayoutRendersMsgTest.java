package dev.logshield.tls.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MSG is what the configured nested {@code <messageLayout>} (any Logback layout, e.g. one that masks secrets) or
 * {@code <messagePattern>} renders, its trailing newline trimmed; and the layout, even when it (exceptionally)
 * already contains an exception converter, keeps a thrown exception inside the message.
 */
class MessageLayoutRendersMsgTest {

    @Test
    void theNestedLayoutRendersTheMessage() {
        try (LogbackXml logback = LogbackXml.configure(getClass(), Map.of())) {
            logback.logger("pay").info("charged card=4111111111111111 ok");
            assertThat(logback.capturing("LAYOUT").texts()).singleElement().satisfies(m -> assertThat(m)
                    .endsWith(" h a 1 - - charged card=**** ok").doesNotContain("4111"));
            assertThat(logback.capturing("PATTERN").texts()).singleElement().satisfies(m -> assertThat(m)
                    .endsWith(" h a 1 - - [INFO] charged card=4111111111111111 ok"));
        }
    }

    @Test
    void aLayoutWithoutExceptionConverterStillGetsTheStackTrace() {
        try (LogbackXml logback = LogbackXml.configure(getClass(), Map.of())) {
            logback.logger("pay").warn("failed card=4111111111111111", new IllegalArgumentException("bad"));
            assertThat(logback.capturing("LAYOUT").texts()).singleElement().satisfies(m -> assertThat(m)
                    .contains(" h a 1 - - failed card=****\njava.lang.IllegalArgumentException: bad\n\tat ")
                    .doesNotEndWith("\n"));
        }
    }
}
