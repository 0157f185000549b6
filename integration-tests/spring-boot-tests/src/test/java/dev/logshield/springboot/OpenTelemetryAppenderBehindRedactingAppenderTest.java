package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenTelemetry's Logback library appender behind a {@code RedactingAppender}, installed the documented way
 * ({@code OpenTelemetryAppender.install(openTelemetry)}, which finds it inside the {@code RedactingAppender}): every
 * log record it hands the SDK (body, MDC and key-value attributes, template and arguments, exception attributes) holds
 * no secret. The library appender reads the exception from {@code ThrowableProxy.getThrowable()}, so its
 * {@code exception.type} is the stand-in's class, {@code dev.logshield.redact.event.RedactedException}; message and
 * stack trace are redacted, the trace with original class names.
 */
class OpenTelemetryAppenderBehindRedactingAppenderTest {

    private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
    private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
    private static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

    @TempDir
    Path dir;

    @Test
    void logRecordsHoldNoSecret() {
        List<LogRecordData> exported = new CopyOnWriteArrayList<>();
        SdkLoggerProvider logs = SdkLoggerProvider.builder()
                .addLogRecordProcessor((context, record) -> exported.add(record.toLogRecordData()))
                .build();
        try (OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setLoggerProvider(logs).build();
                BootLogging boot = BootLogging.start("OpenTelemetryAppenderBehindRedactingAppenderTest", dir)) {
            OpenTelemetryAppender.install(openTelemetry);

            SecretBearingEvents.log(boot.logger());

            SecretBearingEvents.assertNoSecretIn(exported.stream()
                    .map(r -> r.getBodyValue() + " " + r.getAttributes())
                    .collect(Collectors.joining("\n")));
            Map<String, LogRecordData> byBody = exported.stream()
                    .collect(Collectors.toMap(r -> r.getBodyValue().asString(), Function.identity()));
            assertThat(byBody).containsOnlyKeys(
                    "Password reset link sent to [REDACTED:email]", "Payment declined", "Request rejected");
            assertThat(byBody.get("Payment declined").getAttributes().asMap().toString())
                    .contains("customerEmail=[REDACTED:email]", "orderId=ORD-1001", "user=[REDACTED:email]",
                            "password=[REDACTED:secret]");

            LogRecordData rejected = byBody.get("Request rejected");
            assertThat(rejected.getAttributes().get(EXCEPTION_TYPE)).as("exception.type, read from getThrowable()")
                    .isEqualTo("dev.logshield.redact.event.RedactedException");
            assertThat(rejected.getAttributes().get(EXCEPTION_MESSAGE))
                    .isEqualTo(SecretBearingEvents.BENIGN_REQUEST_TEXT
                            + "password=[REDACTED:secret]&card=[REDACTED:credit-card]]");
            assertThat(rejected.getAttributes().get(EXCEPTION_STACKTRACE))
                    .startsWith("java.lang.IllegalArgumentException: " + SecretBearingEvents.BENIGN_REQUEST_TEXT)
                    .contains("Caused by: java.lang.IllegalStateException: Owner lookup failed for [REDACTED:email]")
                    .contains("at " + SecretBearingEvents.class.getName() + ".requestRejected(")
                    .doesNotContain("RedactedException");
            assertThat(boot.statusMessages(Status.WARN)).isEmpty();
        }
    }
}
