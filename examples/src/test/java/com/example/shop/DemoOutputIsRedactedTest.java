package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo application in its own JVM, configured only by its logback.xml, and checks that none of the
 * secrets and personal data it logs reaches the console while the log lines stay readable.
 */
class DemoOutputIsRedactedTest {

    @TempDir
    Path logs;

    @Test
    void demoPrintsEveryLineWithSecretsRedacted() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ShopApplication.class.getName()).redirectErrorStream(true);
        builder.environment().put("LOGSHIELD_DEMO_DIR", logs.toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        assertThat(out).contains("Application started on port 8443", "Shutting down cleanly, 12 orders processed",
                "password=[REDACTED:secret]", "[REDACTED:credit-card]", "[REDACTED:iban]", "[REDACTED:ssn]",
                "[REDACTED:stripe-key]", "[REDACTED:aws-access-key]", "[REDACTED:github-token]",
                "tok-1234****cdef", "[REDACTED:private-key]", "postgresql://shop:[REDACTED:url-credentials]@db.internal:5432/orders", "203.0.113.[REDACTED:ipv4]",
                "bob\\n2026-11-25 10:00:00 INFO  admin logged in \\u001b[31mALERT", "order ids 1234567812345678");
        for (String secret : new String[] {"Hunter2!Secret", "jane.doe@example.com", "4111 1111 1111 1111",
                "DE89 3704", "123-45-6789", "sk_live_", "AKIAIOSFODNN7EXAMPLE", "ghp_", "tok-1234567890abcdef",
                "S3cr3tPa55", "MIIEvQIBADANBg", "john.smith@example.org", "AIzaSy", "s3ss10n", "eyJhbGciOi",
                "203.0.113.42", "198.51.100.23", "2001:db8:85a3"}) {
            assertThat(out).as("leaked " + secret).doesNotContain(secret);
        }
        assertThat(out).doesNotContain("\u001b");

        // access control: the internal ledger never logs below WARN; rate limit: the poller flood is summarised
        assertThat(out).doesNotContain("ledger row 9").contains("Rate limit: suppressed").contains("poller back to normal");
        assertThat(out.lines().filter(l -> l.contains("found nothing new")).count()).isLessThan(200);

        String json = Files.readString(logs.resolve("app.json"), StandardCharsets.UTF_8);
        String audit = Files.readString(logs.resolve("audit.jsonl"), StandardCharsets.UTF_8);
        // Logback's own pattern encoder, which knows nothing of LogShield, behind a RedactingAppender
        String thirdParty = Files.readString(logs.resolve("third-party.log"), StandardCharsets.UTF_8);
        assertThat(thirdParty).contains("Shutting down cleanly, 12 orders processed", "[REDACTED:credit-card]",
                "password=[REDACTED:secret]", "postgresql://shop:[REDACTED:url-credentials]@db.internal:5432/orders");
        assertThat(json).contains("[REDACTED:credit-card]", "\"message\":\"Login attempt for user ");
        assertThat(audit.lines()).singleElement().asString()
                .contains("\"schema\":\"logshield.audit/1\"", "\"action\":\"token.create\"", "tok-1234****cdef",
                        "\"client_ip\":\"203.0.113.0/24\"", "\"result\":\"success\"");
        for (String secret : new String[] {"Hunter2!Secret", "jane.doe@example.com", "4111 1111 1111 1111",
                "tok-1234567890abcdef", "S3cr3tPa55", "AKIAIOSFODNN7EXAMPLE", "203.0.113.42"}) {
            assertThat(json).as("JSON leaked " + secret).doesNotContain(secret);
            assertThat(audit).as("audit leaked " + secret).doesNotContain(secret);
        }
        for (String secret : new String[] {"Hunter2!Secret", "jane.doe@example.com", "4111 1111 1111 1111",
                "DE89 3704", "123-45-6789", "sk_live_", "AKIAIOSFODNN7EXAMPLE", "ghp_", "tok-1234567890abcdef",
                "S3cr3tPa55", "MIIEvQIBADANBg", "john.smith@example.org", "AIzaSy", "s3ss10n", "eyJhbGciOi",
                "203.0.113.42", "198.51.100.23", "2001:db8:85a3"}) {
            assertThat(thirdParty).as("third-party appender got " + secret).doesNotContain(secret);
        }
    }
}
