package dev.logshield.tls.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A message layout that logs while rendering re-enters an encoder on the same thread; the per-thread buffer is
 * then not shared, so both the inner and the outer message come out whole.
 */
class LayoutThatLogsKeepsBothMessagesWholeTest {

    @Test
    void nestedEncodingDoesNotCorruptTheOuterMessage() {
        try (LogbackXml logback = LogbackXml.configure(getClass(), Map.of())) {
            logback.logger("app").info("first");
            logback.logger("app").info("second");
            assertThat(logback.capturing("INNER").texts()).hasSize(2).allSatisfy(m -> assertThat(m)
                    .matches("<14>1 \\S+ inner a 1 - - inner while rendering (first|second)"));
            assertThat(logback.capturing("OUTER").texts()).hasSize(2).allSatisfy(m -> assertThat(m)
                    .matches("<14>1 \\S+ h a 1 - - outer (first|second)"));
        }
    }
}
