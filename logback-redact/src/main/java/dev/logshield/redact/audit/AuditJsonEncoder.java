package dev.logshield.redact.audit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.policy.CompiledPolicy;
import dev.logshield.redact.policy.PolicyCompiler;
import dev.logshield.redact.policy.RedactionPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes audit events as JSON Lines in the fixed schema {@code logshield.audit/1}: one object per line,
 * UTF-8, every field always present, in this order, {@code null} when the event does not give it:
 * <pre>{@code
 * {"schema":"logshield.audit/1","timestamp":"2026-11-25T10:11:12.123Z","action":"token.create",
 *  "actor":"u-42","project_id":"p-7","request_id":"r-9","client_ip":"203.0.113.0/24","result":"success",
 *  "details":{"token":"tok-1234****cdef"},"message":"token created"}
 * }</pre>
 * Values come from the event's SLF4J 2 key-value pairs, from logstash-logback-encoder's {@code kv(...)}
 * arguments and {@code Markers.append(...)} markers when that library is present, and from the MDC for
 * {@code actor} and {@code request_id} (see {@link AuditEventReader}). Values under sensitive keys are
 * rendered with the {@code partial} action ({@code tok-1234****cdef}); every other text, {@code details} and
 * the message included, passes through the default redaction engine (every built-in detector, {@code mask}).
 * A record that could only be written in part carries {@code "encoding_error":true}; encoding never throws.
 *
 * <pre>{@code
 * <appender name="AUDIT" class="ch.qos.logback.core.FileAppender">
 *   <file>logs/audit.jsonl</file>
 *   <filter class="dev.logshield.redact.audit.AuditMarkerFilter"/>
 *   <encoder class="dev.logshield.redact.audit.AuditJsonEncoder">
 *     <clientIpMode>network</clientIpMode>   <!-- full | network (default) | mask -->
 *     <sensitiveKey>pin, otp</sensitiveKey>    <!-- optional, repeatable: more key words to obfuscate -->
 *   </encoder>
 * </appender>
 * }</pre>
 *
 * <p>Needs Jackson 3 ({@code tools.jackson.core:jackson-core}, which logstash-logback-encoder 9 brings): without
 * it, or with an unknown {@code clientIpMode}, the encoder reports the problem, does not start and writes
 * nothing.
 */
public final class AuditJsonEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NOTHING = new byte[0];

    private String clientIpMode = ClientIpMode.NETWORK.toString();
    private final List<String> sensitiveKeys = new ArrayList<>();

    private AuditEventReader reader;
    private AuditRecordWriter writer;
    private RateLimitedReporter reporter;

    /** {@code full}, {@code network} (default: IPv4 /24, IPv6 /48) or {@code mask}. */
    public void setClientIpMode(String mode) {
        this.clientIpMode = mode;
    }

    public String getClientIpMode() {
        return clientIpMode;
    }

    /** Extra sensitive key words, comma-separated, on top of the built-in ones; repeatable. */
    public void addSensitiveKey(String words) {
        if (words == null) {
            return;
        }
        for (String w : words.split(",")) {
            if (!w.isBlank()) {
                sensitiveKeys.add(w.trim());
            }
        }
    }

    @Override
    public void start() {
        if (!OptionalLibraries.JACKSON3) {
            addError("AuditJsonEncoder needs Jackson 3 (tools.jackson.core:jackson-core 3.x) on the classpath; add it, "
                    + "or logstash-logback-encoder 9 which brings it. The encoder is not started and writes nothing.");
            return;
        }
        ClientIpMode mode = ClientIpMode.parse(clientIpMode);
        if (mode == null) {
            addError("AuditJsonEncoder: <clientIpMode>" + clientIpMode + "</clientIpMode> is not one of full, network, "
                    + "mask. The encoder is not started and writes nothing.");
            return;
        }
        RateLimitedReporter problems = new RateLimitedReporter(this);
        RedactionPolicy.Builder policy = RedactionPolicy.builder();
        sensitiveKeys.forEach(policy::sensitiveKey);
        CompiledPolicy compiled = PolicyCompiler.compile(policy.build(), BuiltInDetectors.catalog(), problems);
        compiled.errors().forEach(e -> addError("AuditJsonEncoder redaction: " + e));
        compiled.warnings().forEach(w -> addWarn("AuditJsonEncoder redaction: " + w));

        ArgumentFields argumentFields = OptionalLibraries.argumentFields();
        if (OptionalLibraries.LOGSTASH9) {
            addInfo("AuditJsonEncoder reads logstash-logback-encoder structured arguments and markers");
        } else if (OptionalLibraries.LOGSTASH_PRESENT) {
            addWarn("AuditJsonEncoder: this logstash-logback-encoder is not 9.x (Jackson 3); kv(...) arguments and "
                    + "Markers.append(...) are not read into audit records. Use SLF4J key-value pairs "
                    + "(logger.atInfo().addKeyValue(...)) or upgrade to logstash-logback-encoder 9.");
        }
        this.reporter = problems;
        this.reader = new AuditEventReader(new AuditValueRedactor(compiled.redactor()), mode, argumentFields);
        this.writer = new AuditRecordWriter();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /** The event's record line; never throws, and writes nothing while the encoder is not started. */
    @Override
    public byte[] encode(ILoggingEvent event) {
        if (!isStarted() || event == null) {
            return NOTHING;
        }
        String timestamp = AuditEventReader.timestamp(event.getTimeStamp());
        AuditRecord record;
        AuditDraft draft = new AuditDraft();
        try {
            record = reader.read(event, draft);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            draft.failed("the event", e);
            record = AuditRecord.unreadable(timestamp);
        }
        if (draft.hasFailed()) {
            reporter.report("Audit event from logger '" + event.getLoggerName() + "': " + draft.failedPart()
                    + " could not be read; the record is written without it, flagged encoding_error", draft.firstFailure());
        }
        try {
            return writer.write(record);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            reporter.report("Audit record from logger '" + event.getLoggerName() + "' could not be written whole; "
                    + "it is written without details and message, flagged encoding_error", e);
        }
        try {
            return writer.write(record.withoutFreeForm());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return AuditRecordWriter.minimal(timestamp);
        }
    }
}
