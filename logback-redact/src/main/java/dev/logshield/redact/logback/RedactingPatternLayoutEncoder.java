package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;

/**
 * Drop-in replacement for Logback's {@code PatternLayoutEncoder}: the user's own pattern, with every piece of
 * user data redacted and neutralised (see {@link RedactingPatternLayout}).
 *
 * <pre>{@code
 * <encoder class="dev.logshield.redact.logback.RedactingPatternLayoutEncoder">
 *   <pattern>%d %-5level [%thread] %logger{36} %X - %msg%n</pattern>
 *   <policy>classpath:redaction-policy.yaml</policy>      <!-- optional policy file, reloaded on change -->
 *   <detector>ipv4: partial</detector>                   <!-- optional, repeatable: name: mask|partial|hash|drop|off -->
 *   <rule><name>order-id</name><pattern>ORD-\d{8}</pattern><keywords>ORD-</keywords></rule>
 *   <sensitiveKey>pin, otp</sensitiveKey>                 <!-- optional, repeatable -->
 *   <hashKey><env>LOGSHIELD_HASH_KEY</env></hashKey>      <!-- optional, for the hash action -->
 *   <neutralize>true</neutralize>                         <!-- default true -->
 * </encoder>
 * }</pre>
 */
public class RedactingPatternLayoutEncoder extends PatternLayoutEncoderBase<ILoggingEvent> implements SelfRedactingEncoder {

    private final RedactingPatternLayout redactingLayout = new RedactingPatternLayout();

    public void setPolicy(String location) {
        redactingLayout.setPolicy(location);
    }

    public void addDetector(String compact) {
        redactingLayout.addDetector(compact);
    }

    public void addRule(CustomRuleElement rule) {
        redactingLayout.addRule(rule);
    }

    public void addSensitiveKey(String names) {
        redactingLayout.addSensitiveKey(names);
    }

    public void setHashKey(HashKeyElement hashKey) {
        redactingLayout.setHashKey(hashKey);
    }

    public void setPolicyRefreshSeconds(int seconds) {
        redactingLayout.setPolicyRefreshSeconds(seconds);
    }

    public void setMetricsRegistry(String name) {
        redactingLayout.setMetricsRegistry(name);
    }

    public void setNeutralize(boolean neutralize) {
        redactingLayout.setNeutralize(neutralize);
    }

    /** Whether user data is escaped against log injection ({@code <neutralize>}, default true). */
    public boolean isNeutralize() {
        return redactingLayout.isNeutralize();
    }

    @Override
    public void start() {
        redactingLayout.setContext(context);
        redactingLayout.setPattern(getPattern());
        redactingLayout.setOutputPatternAsHeader(outputPatternAsHeader);
        redactingLayout.start();
        if (!redactingLayout.isStarted()) {
            addError("Redacting layout did not start; see the errors above. Nothing will be written by this encoder.");
            return;
        }
        this.layout = redactingLayout;
        super.start();
    }
}
