package dev.logshield.leakmatrix;

/**
 * The sinks of the matrix, each configured from {@code logback/SecretsReachNoSinkTest-<id>.xml} as a user would
 * write it, alone and behind Logback's {@code AsyncAppender} (in both orders where a {@code RedactingAppender} is
 * involved: redacting before the queue, and redacting on the queue's worker thread).
 */
enum Sink {

    /** (a) {@code RedactingPatternLayoutEncoder} in a {@code FileAppender}. */
    REDACTING_ENCODER("redacting-encoder", Output.FILE),
    REDACTING_ENCODER_IN_ASYNC("async-redacting-encoder", Output.FILE),
    /** (b) Logback's plain {@code PatternLayoutEncoder}, every conversion word, behind {@code RedactingAppender}. */
    PATTERN("redacting-pattern", Output.FILE),
    PATTERN_REDACTING_ASYNC("redacting-async-pattern", Output.FILE),
    PATTERN_ASYNC_REDACTING("async-redacting-pattern", Output.FILE),
    /** (c) logstash-logback-encoder's {@code LogstashEncoder} behind {@code RedactingAppender}. */
    LOGSTASH("redacting-logstash", Output.FILE),
    LOGSTASH_REDACTING_ASYNC("redacting-async-logstash", Output.FILE),
    LOGSTASH_ASYNC_REDACTING("async-redacting-logstash", Output.FILE),
    /** (d) OpenTelemetry's {@code OpenTelemetryAppender}, capturing everything, behind {@code RedactingAppender}. */
    OPENTELEMETRY("redacting-otel", Output.OPENTELEMETRY),
    OPENTELEMETRY_REDACTING_ASYNC("redacting-async-otel", Output.OPENTELEMETRY),
    OPENTELEMETRY_ASYNC_REDACTING("async-redacting-otel", Output.OPENTELEMETRY),
    /** (e) {@code MtlsAppender} with its default {@code Rfc5424Encoder}, to an {@code MtlsReceiver}. */
    MTLS("mtls", Output.RECEIVER),
    MTLS_IN_ASYNC("async-mtls", Output.RECEIVER),
    /** (f) {@code EncryptedFileAppender} with a plain pattern encoder, decrypted. */
    ENCRYPTED_FILE("encrypted-file", Output.DECRYPTED_FILE),
    ENCRYPTED_FILE_IN_ASYNC("async-encrypted-file", Output.DECRYPTED_FILE);

    /** Where a sink's output is read back from. */
    enum Output {
        /** {@code ${dir}/out.log}. */
        FILE,
        /** The log records an OpenTelemetry SDK exported. */
        OPENTELEMETRY,
        /** {@code ${dir}/received.log}, written by the receiver's own appender. */
        RECEIVER,
        /** {@code ${dir}/vault*.lse}, decrypted with the recipient's key. */
        DECRYPTED_FILE
    }

    final String id;
    final Output output;

    Sink(String id, Output output) {
        this.id = id;
        this.output = output;
    }

    /** The configuration file's name, without {@code logback/} and {@code .xml}. */
    String xml() {
        return "SecretsReachNoSinkTest-" + id;
    }

    @Override
    public String toString() {
        return id;
    }
}
