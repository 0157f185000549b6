package dev.logshield.redact.logback;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link PatternLayout} that prints the user's own pattern from the event's redacted view, so every conversion
 * word prints only redacted data: LogShield's own ({@code %msg}, {@code %X}/{@code %mdc}, {@code %kvp},
 * {@code %marker}, {@code %ex}/{@code %xEx}/{@code %rEx} and the {@code %ex} Logback appends by itself when the
 * pattern has none) and any other, such as Spring Boot's {@code %wEx}/{@code %clr}, custom converters or
 * {@code %replace(...)} around anything. User data is also neutralised against log injection (messages, MDC,
 * key-value pairs, exception messages; stack frames keep their lines). The event itself is never changed.
 *
 * <pre>{@code
 * <encoder class="ch.qos.logback.core.encoder.LayoutWrappingEncoder">
 *   <layout class="dev.logshield.redact.logback.RedactingPatternLayout">
 *     <pattern>%d %-5level %logger{36} - %msg%n</pattern>
 *     <policy>classpath:redaction-policy.yaml</policy>   <!-- optional -->
 *   </layout>
 * </encoder>
 * }</pre>
 * Most users want {@link RedactingPatternLayoutEncoder}, which takes the same elements.
 */
public class RedactingPatternLayout extends PatternLayout {

    private final RedactionSettings settings = new RedactionSettings();
    private boolean neutralize = true;
    private EventPreparer eventPreparer;

    public RedactingPatternLayout() {
        Map<String, Supplier<DynamicConverter>> m = getInstanceConverterMap();
        for (String word : new String[] {"m", "msg", "message", "redactedMessage"}) {
            m.put(word, RedactedMessageConverter::new);
        }
        for (String word : new String[] {"X", "mdc", "redactedMdc"}) {
            m.put(word, RedactedMdcConverter::new);
        }
        for (String word : new String[] {"kvp", "maskedKvp", "redactedKvp"}) {
            m.put(word, RedactedKeyValuePairConverter::new);
        }
        for (String word : new String[] {"marker", "redactedMarker"}) {
            m.put(word, RedactedMarkerConverter::new);
        }
        for (String word : new String[] {"ex", "exception", "throwable", "redactedException"}) {
            m.put(word, RedactedThrowableConverter::new);
        }
        for (String word : new String[] {"xEx", "xException", "xThrowable"}) {
            m.put(word, RedactedExtendedThrowableConverter::new);
        }
        for (String word : new String[] {"rEx", "rootException"}) {
            m.put(word, RedactedRootCauseFirstThrowableConverter::new);
        }
        setPostCompileProcessor(new RedactingPostCompileProcessor(() -> EventPreparer.preparedByLayout(neutralize)));
    }

    /** Policy file: {@code classpath:policy.yaml}, {@code file:/etc/app/policy.json} or a path. Default: none. */
    public void setPolicy(String location) {
        settings.setPolicy(location);
    }

    /** Switches a built-in detector or changes its action: {@code email: partial}, {@code ipv4: off}. Repeatable. */
    public void addDetector(String compact) {
        settings.addDetector(compact);
    }

    /** A custom rule. Repeatable. */
    public void addRule(CustomRuleElement rule) {
        settings.addRule(rule);
    }

    /** Extra key names whose values are always masked (comma-separated). Repeatable. */
    public void addSensitiveKey(String names) {
        settings.addSensitiveKey(names);
    }

    /** Key for the {@code hash} action. Default: none (hash rules mask, with a status warning). */
    public void setHashKey(HashKeyElement hashKey) {
        settings.setHashKey(hashKey);
    }

    /** How often a policy file is checked for changes; 0 turns reloading off. Default 30. */
    public void setPolicyRefreshSeconds(int seconds) {
        settings.setPolicyRefreshSeconds(seconds);
    }

    /** Micrometer registry for redaction metrics: {@code global} (default), {@code none}, or a registered name. */
    public void setMetricsRegistry(String name) {
        settings.setMetricsRegistry(name);
    }

    /** Escape CR/LF, ANSI and bidi controls in user data. Default true. */
    public void setNeutralize(boolean neutralize) {
        this.neutralize = neutralize;
    }

    /** Whether user data is escaped against log injection ({@code <neutralize>}, default true). */
    public boolean isNeutralize() {
        return neutralize;
    }

    @Override
    public void start() {
        if (getContext() == null) {
            addError("RedactingPatternLayout has no context");
            return;
        }
        eventPreparer = new EventPreparer(RedactionEngineRegistry.engineFor(getContext(), settings), neutralize);
        super.start();
    }

    /**
     * Renders the event's redacted (and, when on, neutralised) view, so every conversion word in the pattern, known
     * to LogShield or not, prints only redacted data. Never throws.
     */
    @Override
    public String doLayout(ILoggingEvent event) {
        if (!isStarted()) {
            return CoreConstants.EMPTY_STRING;
        }
        return super.doLayout(eventPreparer.prepare(event));
    }
}
