package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static net.logstash.logback.argument.StructuredArguments.entries;
import static net.logstash.logback.argument.StructuredArguments.keyValue;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * logstash-logback-encoder's {@code kv(...)}/{@code keyValue(...)}/{@code entries(...)} arguments and
 * {@code Markers.append(...)} markers fill the schema like fluent key-value pairs do; fluent pairs come first
 * and the first value of a field wins.
 */
class StructuredArgumentsFillTheSchemaTest {

    @TempDir
    Path dir;

    @Test
    void kvArgumentsFillEveryField() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").info(AUDIT, "token created {}",
                    kv("action", "token.create"),
                    keyValue("actor", "u-42"),
                    kv("project_id", "p-7"),
                    kv("requestId", "r-9"),
                    kv("clientIp", "2001:db8:85a3::8a2e:370:7334"),
                    kv("result", true),
                    value("scope", "read"),
                    entries(Map.of("ttl_days", 30)),
                    kv("labels", List.of("ci", "nightly")));

            JsonNode r = logback.onlyRecord("audit.jsonl");
            assertThat(r.get("action").stringValue()).isEqualTo("token.create");
            assertThat(r.get("actor").stringValue()).isEqualTo("u-42");
            assertThat(r.get("project_id").stringValue()).isEqualTo("p-7");
            assertThat(r.get("request_id").stringValue()).isEqualTo("r-9");
            assertThat(r.get("client_ip").stringValue()).isEqualTo("2001:db8:85a3::/48");
            assertThat(r.get("result").stringValue()).isEqualTo("success");
            JsonNode details = r.get("details");
            assertThat(details.get("scope").stringValue()).isEqualTo("read");
            assertThat(details.get("ttl_days").intValue()).isEqualTo(30);
            assertThat(details.get("labels").get(0).stringValue()).isEqualTo("ci");
            assertThat(details.get("labels").get(1).stringValue()).isEqualTo("nightly");
            assertThat(AuditHarness.names(details)).containsExactly("scope", "ttl_days", "labels");
            assertThat(r.get("message").stringValue()).isEqualTo("token created action=token.create");
        }
    }

    @Test
    void logstashMarkersFillFieldsToo() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").info(Markers.append("action", "session.login").and(Markers.append("result", "failed"))
                    .and(AUDIT), "login refused");

            JsonNode r = logback.onlyRecord("audit.jsonl");
            assertThat(r.get("action").stringValue()).isEqualTo("session.login");
            assertThat(r.get("result").stringValue()).isEqualTo("failure");
        }
    }

    @Test
    void fluentPairsComeFirstAndTheFirstValueWins() {
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            logback.logger("audit").atInfo().addMarker(AUDIT)
                    .addKeyValue("action", "from.fluent")
                    .addArgument(kv("action", "from.kv"))
                    .addArgument(kv("actor", "u-kv"))
                    .addArgument(kv("actor", "u-second"))
                    .log("first wins {} {} {}");

            JsonNode r = logback.onlyRecord("audit.jsonl");
            assertThat(r.get("action").stringValue()).isEqualTo("from.fluent");
            assertThat(r.get("actor").stringValue()).isEqualTo("u-kv");
            assertThat(r.get("details").size()).isZero();
        }
    }
}
