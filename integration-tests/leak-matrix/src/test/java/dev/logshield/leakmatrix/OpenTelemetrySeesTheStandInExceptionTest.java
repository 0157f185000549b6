package dev.logshield.leakmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What OpenTelemetry's appender reports about an exception behind {@code RedactingAppender}. It reads the
 * {@code Throwable} itself ({@code ThrowableProxy.getThrowable()}), so for an exception whose messages were
 * redacted it sees the {@code RedactedException} stand-in: {@code exception.type} is the stand-in's class, not the
 * application's exception class, which appears only at the head of {@code exception.stacktrace} (the stand-in's
 * {@code toString()}); message and stack trace are redacted, causes included. That holds as soon as anything in the
 * chain was redacted, a cause's message alone included. An exception with nothing to redact is handed on as it is,
 * with its own type.
 */
class OpenTelemetrySeesTheStandInExceptionTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void resetSlf4jContext() {
        context.reset();
    }

    @Test
    void redactedExceptionIsReportedWithTheStandInsType() {
        String card = "4111111111111111";
        try (OtelRecords otel = new OtelRecords()) {
            context.reset();
            LogbackXml.configure(context, getClass().getSimpleName(), Map.of());
            LogbackXml.assertNoErrors(context);
            OpenTelemetryAppender.install(otel.sdk());

            context.getLogger("shop.Checkout").warn("payment failed", new IllegalStateException("card " + card,
                    new IOException("gateway refused " + card)));
            context.getLogger("shop.Checkout").warn("payment failed", new IllegalStateException("card declined",
                    new IOException("gateway refused " + card)));
            context.getLogger("shop.Checkout").warn("payment failed", new IllegalStateException("card declined"));

            List<LogRecordData> records = otel.records();
            assertThat(records).hasSize(3);
            LogRecordData redacted = records.get(0);
            assertThat(OtelRecords.attribute(redacted, "exception.type"))
                    .isEqualTo("dev.logshield.redact.event.RedactedException");
            assertThat(OtelRecords.attribute(redacted, "exception.message")).isEqualTo("card [REDACTED:credit-card]");
            assertThat((String) OtelRecords.attribute(redacted, "exception.stacktrace"))
                    .startsWith("java.lang.IllegalStateException: card [REDACTED:credit-card]")
                    .contains("Caused by: java.io.IOException: gateway refused [REDACTED:credit-card]")
                    .contains("at " + getClass().getName() + ".redactedExceptionIsReportedWithTheStandInsType")
                    .doesNotContain(card);

            // a secret in a cause only: the whole chain is stood in for, so the type is the stand-in's too
            LogRecordData secretCause = records.get(1);
            assertThat(OtelRecords.attribute(secretCause, "exception.type"))
                    .isEqualTo("dev.logshield.redact.event.RedactedException");
            assertThat(OtelRecords.attribute(secretCause, "exception.message")).isEqualTo("card declined");
            assertThat((String) OtelRecords.attribute(secretCause, "exception.stacktrace"))
                    .startsWith("java.lang.IllegalStateException: card declined")
                    .contains("Caused by: java.io.IOException: gateway refused [REDACTED:credit-card]")
                    .doesNotContain(card);

            LogRecordData clean = records.get(2);
            assertThat(OtelRecords.attribute(clean, "exception.type")).isEqualTo("java.lang.IllegalStateException");
            assertThat(OtelRecords.attribute(clean, "exception.message")).isEqualTo("card declined");
        }
    }
}
