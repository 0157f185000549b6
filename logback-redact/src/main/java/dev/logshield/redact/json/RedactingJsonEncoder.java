package dev.logshield.redact.json;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.redact.logback.CustomRuleElement;
import dev.logshield.redact.logback.HashKeyElement;
import dev.logshield.redact.logback.SelfRedactingEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.logstash.logback.composite.AbstractCompositeJsonFormatter;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.util.ReusableByteBuffer;
import net.logstash.logback.util.ThreadLocalReusableByteBuffer;

/**
 * Drop-in replacement for {@code net.logstash.logback.encoder.LogstashEncoder} (it is one: every LogstashEncoder
 * element still works) that redacts everything it writes with {@link RedactingJsonGeneratorDecorator}, keeps
 * application data from overwriting or duplicating the standard fields, and never loses or throws an event.
 *
 * <pre>{@code
 * <encoder class="dev.logshield.redact.json.RedactingJsonEncoder">
 *   <policy>classpath:redaction-policy.yaml</policy>      <!-- optional policy file, reloaded on change -->
 *   <detector>ipv4: partial</detector>                   <!-- optional, repeatable -->
 *   <rule><name>order-id</name><pattern>ORD-[0-9]{8}</pattern><keywords>ORD-</keywords></rule>
 *   <sensitiveKey>pin, otp</sensitiveKey>                 <!-- optional, repeatable -->
 *   <hashKey><env>LOGSHIELD_HASH_KEY</env></hashKey>      <!-- optional, for the hash action -->
 *   <maxFieldLength>65536</maxFieldLength>                <!-- optional; default 0 = unlimited -->
 *   <fieldNames><level>severity</level></fieldNames>      <!-- any LogstashEncoder element -->
 * </encoder>
 * }</pre>
 *
 * <ul>
 *   <li>Top-level MDC entries, arguments/key-values and marker fields named like a standard field (default or
 *       renamed with {@code <fieldNames>}) are written as {@code mdc.<name>}, {@code arg.<name>},
 *       {@code marker.<name>}, counted by {@link #getProtectedFieldRenames()} and the Micrometer counter
 *       {@code logshield.json.protected_field_renamed}.</li>
 *   <li>A provider or value that fails is closed off and replaced by a placeholder; the event carries
 *       {@code logshield_error} (what failed, class names only) and {@code logshield_error_flag: true}.</li>
 *   <li>If the event cannot be written at all, a minimal event is written instead: timestamp, level, logger,
 *       redacted message and the error fields. {@link #encode} never throws.</li>
 * </ul>
 */
public class RedactingJsonEncoder extends LogstashEncoder implements SelfRedactingEncoder {

    private static final byte[] EMPTY = new byte[0];

    private final RedactingJsonGeneratorDecorator redacting = new RedactingJsonGeneratorDecorator();
    private final RateLimitedReporter encodeFailures = new RateLimitedReporter(this);
    private ThreadLocalReusableByteBuffer buffers;
    private SafeEventWriter fallback;
    private Charset charset = StandardCharsets.UTF_8;

    public RedactingJsonEncoder() {
        super();
        addDecorator(redacting); // first, so that decorators added in logback.xml wrap it and still go through it
    }

    @Override
    protected AbstractCompositeJsonFormatter<ILoggingEvent> createFormatter() {
        return new RedactingLogstashFormatter(this);
    }

    /** Policy file: {@code classpath:policy.yaml}, {@code file:/etc/app/policy.json} or a path. Default: none. */
    public void setPolicy(String location) {
        redacting.setPolicy(location);
    }

    /** Switches a built-in detector or changes its action: {@code email: partial}, {@code ipv4: off}. Repeatable. */
    public void addDetector(String compact) {
        redacting.addDetector(compact);
    }

    /** A custom rule. Repeatable. */
    public void addRule(CustomRuleElement rule) {
        redacting.addRule(rule);
    }

    /** Extra key names whose values are always masked (comma-separated). Repeatable. */
    public void addSensitiveKey(String names) {
        redacting.addSensitiveKey(names);
    }

    /** Key for the {@code hash} action. Default: none (hash rules mask, with a status warning). */
    public void setHashKey(HashKeyElement hashKey) {
        redacting.setHashKey(hashKey);
    }

    /** How often a policy file is checked for changes; 0 turns reloading off. Default 30. */
    public void setPolicyRefreshSeconds(int seconds) {
        redacting.setPolicyRefreshSeconds(seconds);
    }

    /** Micrometer registry for metrics: {@code global} (default), {@code none}, or a registered name. */
    public void setMetricsRegistry(String name) {
        redacting.setMetricsRegistry(name);
    }

    /** Longest string value or name written, in characters, before a truncation marker; 0 (default) = unlimited. */
    public void setMaxFieldLength(int maxFieldLength) {
        redacting.setMaxFieldLength(maxFieldLength);
    }

    public int getMaxFieldLength() {
        return redacting.getMaxFieldLength();
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        redacting.setContext(getContext());
        redacting.start();
        if (!redacting.isStarted()) {
            addError("RedactingJsonEncoder did not start (see the errors above); its appender writes nothing");
            return;
        }
        JsonRedaction r = redacting.redaction();
        fallback = new SafeEventWriter(getFieldNames(), r.engine(), r.cap());
        buffers = new ThreadLocalReusableByteBuffer(getMinBufferSize());
        super.start();
        charset = Charset.forName(getEncoding());
    }

    @Override
    public void stop() {
        super.stop();
        redacting.stop();
    }

    /**
     * The event as one line of redacted JSON. Never throws and never returns nothing for a started encoder: when
     * the event cannot be written, a minimal event (see the class comment) is returned instead.
     */
    @Override
    public byte[] encode(ILoggingEvent event) {
        if (!isStarted()) {
            encodeFailures.error("RedactingJsonEncoder is not started; the event was not written");
            return EMPTY;
        }
        ThreadLocalReusableByteBuffer pool = buffers;
        ReusableByteBuffer pooled = null;
        try {
            pooled = pool.acquire();
        } catch (IllegalStateException reentrant) {
            // a value's toString() logged through this encoder: write the nested event to its own buffer
        }
        try {
            OutputStream out = pooled != null ? pooled : new ByteArrayOutputStream(512);
            super.encode(event, out);
            return pooled != null ? pooled.toByteArray() : ((ByteArrayOutputStream) out).toByteArray();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            encodeFailures.error("JSON encoding failed (" + e.getClass().getName() + "); wrote a minimal event instead");
            return fallback.write(event, e, charset, getLineSeparator());
        } finally {
            if (pooled != null) {
                pool.release();
            }
        }
    }

    /** Encodes into memory first, so that a failure half-way never leaves a broken line on the stream. */
    @Override
    public void encode(ILoggingEvent event, OutputStream outputStream) throws IOException {
        outputStream.write(encode(event));
    }

    /** Fields kept under a prefixed name because they would have taken a protected (standard) field's name. */
    public long getProtectedFieldRenames() {
        return redacting.getProtectedFieldRenames();
    }

    /** Fields kept under another name because their object already had a field of that name. */
    public long getDuplicateFieldRenames() {
        return redacting.getDuplicateFieldRenames();
    }

    /** Values and providers that failed and were replaced by a placeholder. */
    public long getSerialisationFailures() {
        return redacting.getSerialisationFailures();
    }

    /** Events that could not be written at all and were replaced by a minimal event. */
    public long getEncodeFailures() {
        return encodeFailures.count();
    }
}
