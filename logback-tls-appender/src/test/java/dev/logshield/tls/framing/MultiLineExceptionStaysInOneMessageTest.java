package dev.logshield.tls.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * An event logged with an exception through a real logger keeps the whole stack trace, causes included, inside
 * the one message (the default pattern {@code %msg%n%xEx}, trailing newline trimmed), which octet counting
 * carries as one frame; the same encoder in a plain {@code FileAppender} writes exactly one message with the MDC
 * and the fluent API's key-value pairs.
 */
class MultiLineExceptionStaysInOneMessageTest {

    @TempDir
    Path dir;

    @Test
    void theStackTraceIsPartOfTheOneMessage() throws Exception {
        LogbackXml logback = LogbackXml.configure(getClass(), Map.of("dir", dir.toString()));
        try {
            Logger log = logback.logger("com.acme.Payments");
            MDC.put("user", "bob");
            try {
                log.atError().addKeyValue("order", 7).setCause(declined()).log("payment failed");
            } finally {
                MDC.remove("user");
            }

            List<String> records = logback.capturing("SYSLOG").texts();
            assertThat(records).hasSize(1);
            String record = records.get(0);
            assertThat(record).matches("(?s)<11>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z h a 1 - "
                    + "\\[mdc@32473 user=\"bob\" order=\"7\"] payment failed\n"
                    + "java\\.lang\\.IllegalStateException: card declined\n\tat .*"
                    + "Caused by: java\\.io\\.IOException: gateway timeout\n\t\\.\\.\\. \\d+ common frames omitted");
            assertThat(record).doesNotEndWith("\n").doesNotEndWith("\r");

            byte[] frame = new OctetCountingFramer().frame(record.getBytes(UTF_8));
            assertThat(Deframers.octetCounted(frame)).singleElement()
                    .satisfies(m -> assertThat(new String(m, UTF_8)).isEqualTo(record));

        } finally {
            logback.close();
        }
        String file = Files.readString(dir.resolve("syslog.bin"), UTF_8);
        assertThat(file).startsWith("<11>1 ").contains(" h a 1 com.acme.Payments [mdc@32473 user=\"bob\" "
                + "order=\"7\"] payment failed\njava.lang.IllegalStateException: card declined\n\tat ");
        assertThat(file.split("<11>1 ", -1)).as("exactly one message in the file").hasSize(2);
    }

    private static IllegalStateException declined() {
        return new IllegalStateException("card declined", new java.io.IOException("gateway timeout"));
    }
}
