package dev.logshield.redact.json;

import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import dev.logshield.metrics.Meters;
import dev.logshield.redact.logback.CustomRuleElement;
import dev.logshield.redact.logback.HashKeyElement;
import dev.logshield.redact.logback.RedactionSettings;
import net.logstash.logback.decorate.JsonGeneratorDecorator;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonGeneratorBase;
import tools.jackson.core.util.JsonGeneratorDelegate;

/**
 * Redacts everything a logstash-logback-encoder composite encoder writes: install it in any of them with the
 * 9.x {@code <decorator>} element. Every string value and name is redacted by the shared LogShield engine, values
 * under sensitive names are masked whatever their type, raw JSON is parsed and redacted too, no name appears twice
 * in an object, and bidi/C1/zero-width characters and lone surrogates are written as {@code \}{@code uXXXX}
 * escapes (see {@link RedactingJsonGenerator}).
 *
 * <pre>{@code
 * <encoder class="net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder">
 *   <providers class="dev.logshield.redact.json.RedactingJsonProviders">  <!-- optional, see below -->
 *     <timestamp/><logLevel/><loggerName/><message/><mdc/><keyValuePairs/><arguments/><logstashMarkers/><stackTrace/>
 *   </providers>
 *   <decorator class="dev.logshield.redact.json.RedactingJsonGeneratorDecorator">
 *     <policy>classpath:redaction-policy.yaml</policy>   <!-- optional, reloaded on change -->
 *     <detector>ipv4: partial</detector>                <!-- optional, repeatable -->
 *     <sensitiveKey>pin, otp</sensitiveKey>              <!-- optional, repeatable -->
 *     <maxFieldLength>65536</maxFieldLength>             <!-- optional; default 0 = unlimited -->
 *   </decorator>
 * </encoder>
 * }</pre>
 *
 * With {@code RedactingJsonProviders}, top-level fields written by the MDC, arguments and markers also cannot take
 * a standard field's name, and a failing provider cannot lose the event. {@link RedactingJsonEncoder} does all of
 * this for a {@code LogstashEncoder} configuration.
 */
public class RedactingJsonGeneratorDecorator extends ContextAwareBase implements JsonGeneratorDecorator, LifeCycle {

    private final RedactionSettings options = new RedactionSettings();
    private int maxFieldLength;
    private volatile JsonRedaction redaction;

    /** Policy file: {@code classpath:policy.yaml}, {@code file:/etc/app/policy.json} or a path. Default: none. */
    public void setPolicy(String location) {
        options.setPolicy(location);
    }

    /** Switches a built-in detector or changes its action: {@code email: partial}, {@code ipv4: off}. Repeatable. */
    public void addDetector(String compact) {
        options.addDetector(compact);
    }

    /** A custom rule. Repeatable. */
    public void addRule(CustomRuleElement rule) {
        options.addRule(rule);
    }

    /** Extra key names whose values are always masked (comma-separated). Repeatable. */
    public void addSensitiveKey(String names) {
        options.addSensitiveKey(names);
    }

    /** Key for the {@code hash} action. Default: none (hash rules mask, with a status warning). */
    public void setHashKey(HashKeyElement hashKey) {
        options.setHashKey(hashKey);
    }

    /** How often a policy file is checked for changes; 0 turns reloading off. Default 30. */
    public void setPolicyRefreshSeconds(int seconds) {
        options.setPolicyRefreshSeconds(seconds);
    }

    /** Micrometer registry for metrics: {@code global} (default), {@code none}, or a registered name. */
    public void setMetricsRegistry(String name) {
        options.setMetricsRegistry(name);
    }

    /** Longest string value or name written, in characters, before a truncation marker; 0 (default) = unlimited. */
    public void setMaxFieldLength(int maxFieldLength) {
        this.maxFieldLength = maxFieldLength;
    }

    public int getMaxFieldLength() {
        return maxFieldLength;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (getContext() == null) {
            addError("RedactingJsonGeneratorDecorator has no context; it cannot redact and stays stopped");
            return;
        }
        if (maxFieldLength < 0) {
            addError("<maxFieldLength>" + maxFieldLength + "</maxFieldLength> is invalid: use 0 (unlimited) or a"
                    + " positive number of characters. The decorator stays stopped and its encoder writes nothing.");
            return;
        }
        redaction = new JsonRedaction(options.engineFor(getContext()), maxFieldLength,
                Meters.forRegistry(options.metricsRegistry()), this);
    }

    @Override
    public void stop() {
        redaction = null;
    }

    @Override
    public boolean isStarted() {
        return redaction != null;
    }

    /**
     * Wraps {@code generator} in a redacting generator and makes the real JSON generator underneath escape the
     * unsafe characters. Fails closed: a stopped decorator refuses to produce a generator, so nothing unredacted
     * can be written (the appender reports the error).
     */
    @Override
    public JsonGenerator decorate(JsonGenerator generator) {
        JsonRedaction r = redaction;
        if (r == null) {
            addError("RedactingJsonGeneratorDecorator is not started (see the errors above);"
                    + " refusing to write unredacted JSON");
            throw new IllegalStateException("RedactingJsonGeneratorDecorator is not started");
        }
        JsonGenerator innermost = generator;
        while (innermost instanceof JsonGeneratorDelegate d) {
            innermost = d.delegate();
        }
        if (innermost instanceof JsonGeneratorBase json) {
            json.setCharacterEscapes(UnsafeCharacterEscapes.over(json.getCharacterEscapes()));
        }
        return new RedactingJsonGenerator(generator, r);
    }

    /** Fields kept under a prefixed name because they would have taken a protected (standard) field's name. */
    public long getProtectedFieldRenames() {
        JsonRedaction r = redaction;
        return r == null ? 0 : r.protectedRenames();
    }

    /** Fields kept under another name because their object already had a field of that name. */
    public long getDuplicateFieldRenames() {
        JsonRedaction r = redaction;
        return r == null ? 0 : r.duplicateRenames();
    }

    /** Values (POJOs, raw JSON, providers) that failed to serialise and were replaced by a placeholder. */
    public long getSerialisationFailures() {
        JsonRedaction r = redaction;
        return r == null ? 0 : r.failures();
    }

    JsonRedaction redaction() {
        return redaction;
    }
}
