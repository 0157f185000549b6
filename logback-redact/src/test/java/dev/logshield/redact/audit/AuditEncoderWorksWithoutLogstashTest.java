package dev.logshield.redact.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit encoder and filter work with Logback, SLF4J and jackson-core alone: run in a class loader without
 * logstash-logback-encoder and jackson-databind, they start without errors and write complete, redacted records
 * from SLF4J key-value pairs.
 */
class AuditEncoderWorksWithoutLogstashTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void recordsAreWrittenWithoutLogstash() throws Exception {
        URL[] classpath = {
            codeSource(AuditJsonEncoder.class),                       // LogShield main classes
            codeSource(WithoutLogstashRun.class),                     // test classes and XML
            codeSource(LoggerContext.class),                          // logback-classic
            codeSource(ch.qos.logback.core.Context.class),            // logback-core
            codeSource(org.slf4j.Logger.class),                       // slf4j-api
            codeSource(tools.jackson.core.JsonGenerator.class),       // jackson-core
            codeSource(dev.logshield.metrics.ReportGate.class),       // logshield-metrics (always a dependency)
            codeSource(com.google.re2j.Pattern.class),                // LogShield dependencies
            codeSource(org.snakeyaml.engine.v2.api.LoadSettings.class),
        };
        assertThat(classpath).noneMatch(u -> u.toString().contains("logstash") || u.toString().contains("databind"));
        String errors;
        try (URLClassLoader isolated = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            Function<Path, String> run = (Function<Path, String>) isolated.loadClass(WithoutLogstashRun.class.getName())
                    .getDeclaredConstructor().newInstance();
            errors = run.apply(dir);
        }
        assertThat(errors).isEmpty();

        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> records = Files.readAllLines(dir.resolve("audit.jsonl"), StandardCharsets.UTF_8).stream()
                .map(json::readTree).collect(Collectors.toList());
        assertThat(records).hasSize(2);
        assertThat(AuditHarness.names(records.get(0))).isEqualTo(AuditHarness.FIELD_ORDER);
        assertThat(records.get(0).get("action").stringValue()).isEqualTo("token.create");
        assertThat(records.get(0).get("details").get("token").stringValue()).isEqualTo("tok-1234****cdef");
        assertThat(records.get(0).get("client_ip").stringValue()).isEqualTo("203.0.113.0/24");
        assertThat(records.get(1).get("message").stringValue()).isEqualTo("plain argument");
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
