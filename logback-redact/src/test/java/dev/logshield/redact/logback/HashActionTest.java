package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash action gives equal tokens for equal values under a configured key (so logs stay correlatable) and
 * falls back to a mask, with a status warning, when no key is configured.
 */
class HashActionTest {

    @TempDir
    Path dir;

    @Test
    void equalValuesGiveEqualTokensAndKeylessHashMasks() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(dir.resolve("hash.key"), Base64.getEncoder().encodeToString(key) + "\n");
        try (LogbackHarness logback = LogbackHarness.configure("HashActionTest", dir)) {
            logback.logger("x").info("a jane.doe@example.com");
            logback.logger("x").info("b jane.doe@example.com");
            logback.logger("x").info("c john.roe@example.com");
            List<String> keyed = logback.lines("keyed.log");
            String tokenA = keyed.get(0).substring(2);
            assertThat(tokenA).matches("\\[HASH:email:k7:[0-9a-f]{16}\\]");
            assertThat(keyed.get(1).substring(2)).isEqualTo(tokenA);
            assertThat(keyed.get(2).substring(2)).isNotEqualTo(tokenA).startsWith("[HASH:email:k7:");
            assertThat(logback.lines("keyless.log")).containsExactly(
                    "a [REDACTED:email]", "b [REDACTED:email]", "c [REDACTED:email]");
            assertThat(logback.statusMessages(Status.WARN)).anySatisfy(m -> assertThat(m).contains("mask"));
        }
    }
}
