package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves that addresses are masked with their surrounding punctuation kept, and address look-alikes are not. */
class EmailDetectorTest {

    private static final Redactor REDACTOR = Redactor.builder().rule(new EmailDetector(), Action.MASK).build();
    private static final String M = "[REDACTED:email]";

    static Stream<Arguments> addresses() {
        return Stream.of(
                arguments("Login failed for john.doe@example.com from web", "Login failed for " + M + " from web"),
                arguments("email=jane_doe+alerts@mail.example.org", "email=" + M),
                arguments("From: Support <support@example.co.uk>", "From: Support <" + M + ">"),
                arguments("{\"mail\":\"o'brien@example.ie\"}", "{\"mail\":\"" + M + "\"}"),
                arguments("contact: first.last@sub.example.travel.", "contact: " + M + "."),
                arguments("user x-y@ex-ample.com logged in", "user " + M + " logged in"),
                arguments("mailto:admin@example.net?subject=hi", "mailto:" + M + "?subject=hi"),
                arguments("owner='quoted@example.com'", "owner='" + M + "'"),
                arguments("to=alice@example.com,bob@example.org", "to=" + M + "," + M),
                arguments("Kunde josé.müller@example.de angelegt", "Kunde " + M + " angelegt"),
                arguments("user@xn--bcher-kva.example", M),
                arguments("rcpt user@example.xn--p1ai ok", "rcpt " + M + " ok"),
                arguments("tagged user!tag#1@example.com", "tagged " + M),
                arguments("UPPER.CASE@EXAMPLE.COM", M),
                arguments("smtp: from=<bounce-123@mailer.example.com> size=1024", "smtp: from=<" + M + "> size=1024"),
                arguments("path /users/anna@example.com/settings", "path /users/" + M + "/settings"),
                arguments("email=...dot.leading@example.com", "email=..." + M),
                arguments("user@example.com-- end", M + "-- end"),
                arguments("short a@b.co", "short " + M),
                arguments("x@1example.com", M),
                arguments("(user@example.com)", "(" + M + ")"),
                arguments("[main] INFO  c.e.Signup - created account for alice_smith99@example.com in 12 ms",
                        "[main] INFO  c.e.Signup - created account for " + M + " in 12 ms"),
                arguments("a@b.com@c", M + "@c"),
                arguments("cc: %cust%@example.com", "cc: %" + M));
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void masksAddresses(String line, String expected) {
        assertThat(REDACTOR.redact(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Connection refused: jdbc:postgresql://shop:S3cr3tPa55@db.internal:5432/orders",
        "broker amqp://svc:pa55word@mq.example.com:5672/vhost",
        "user@localhost connected",
        "@handle mentioned you",
        "a@b",
        "foo@192.0.2.1",                 // IP-literal domain: the ipv4 detector's job
        "release v1.2@sha",
        "object com.example.Foo@1a2b3c4d",
        "npm lodash@4.17.21",
        "asset icon@2x.png",
        "style theme@2x.CSS",
        "git HEAD@{1}",
        "docker image@sha256:9f86d081884c7d659a2feaa0c55ad015",
        "john..doe@example.com",
        "john.@example.com",
        "user@-example.com",
        "user@example.c was typed",     // at the very end of a text it is an address cut short
        "user@example.123",
        "a@.com",
        "user@@example.com",
        "twitter @john.doe",
        "email=john@",
        "user@my_host.local",
        "scp file.txt deploy@build-01:/tmp",
        "user@exa-.com",
        "user@example.com2",
    })
    void leavesLookAlikesAlone(String line) {
        assertThat(REDACTOR.redact(line)).isSameAs(line);
    }

    @Test
    void rejectsLocalPartsAndLabelsOverTheirLimits() {
        String local64 = "a".repeat(64);
        assertThat(REDACTOR.redact(local64 + "@example.com")).isEqualTo(M);
        String local65 = "a".repeat(65) + "@example.com";
        assertThat(REDACTOR.redact(local65)).isSameAs(local65);
        String label63 = "u@" + "b".repeat(63) + ".com";
        assertThat(REDACTOR.redact(label63)).isEqualTo(M);
        String label64 = "u@" + "b".repeat(64) + ".com";
        assertThat(REDACTOR.redact(label64)).isSameAs(label64);
        String domain = "u@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".com";
        assertThat(REDACTOR.redact(domain)).isSameAs(domain); // 308 > 253
    }
}
