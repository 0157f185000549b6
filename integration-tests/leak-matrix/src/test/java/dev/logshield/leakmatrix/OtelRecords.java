package dev.logshield.leakmatrix;

import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import java.util.List;
import java.util.Optional;

/**
 * An OpenTelemetry SDK whose log records end in memory, exported one by one as the appender emits them, and the
 * text of those records: body, event name and every attribute, one per line, as a backend would store them.
 */
final class OtelRecords implements AutoCloseable {

    private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setLoggerProvider(SdkLoggerProvider.builder()
                    .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                    .build())
            .build();

    OpenTelemetrySdk sdk() {
        return sdk;
    }

    List<LogRecordData> records() {
        return exporter.getFinishedLogRecordItems();
    }

    /** Every record: {@code record <scope> <severity>}, {@code body=...}, {@code attr <key>=<value>}... */
    String text() {
        StringBuilder out = new StringBuilder();
        for (LogRecordData record : records()) {
            out.append("record ").append(record.getInstrumentationScopeInfo().getName()).append(' ')
                    .append(record.getSeverityText()).append('\n');
            Value<?> body = record.getBodyValue();
            out.append("body=").append(body == null ? "" : body.asString()).append('\n');
            Optional.ofNullable(record.getEventName()).ifPresent(name -> out.append("event=").append(name).append('\n'));
            record.getAttributes().forEach((key, value) ->
                    out.append("attr ").append(key.getKey()).append('=').append(value).append('\n'));
        }
        return out.toString();
    }

    /** The value of attribute {@code key} of {@code record}, whatever its type, or null. */
    static Object attribute(LogRecordData record, String key) {
        Object[] found = {null};
        record.getAttributes().forEach((k, v) -> {
            if (k.getKey().equals(key)) {
                found[0] = v;
            }
        });
        return found[0];
    }

    @Override
    public void close() {
        sdk.close();
    }
}
