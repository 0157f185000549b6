package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.logshield.redact.event.ForwardingLoggingEvent;
import dev.logshield.redact.event.NeutralizedAtIntake;
import dev.logshield.redact.event.ThrowableRewriter;
import dev.logshield.redact.text.LogInjectionEscaper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * An event as a text layout may print it, so that every conversion word, including ones LogShield has never heard
 * of ({@code %wEx}, {@code %clr(...)}, a custom converter), prints neutralised user data: the message, template
 * and string arguments, MDC keys and values, key-value pairs, thread and logger names and exception messages have
 * CR, LF, ANSI and bidi controls escaped ({@link LogInjectionEscaper}). Stack frames keep their own lines and the
 * pattern's own {@code %n} stays a newline. Wraps an already redacted event; text that needs no escaping is
 * returned as the same instance.
 *
 * <p>An event {@linkplain NeutralizedAtIntake neutralised at intake} (LogShield's receiver) already has its
 * single-line fields escaped: its logger and thread names and MDC keys and values (but not its multi-line MDC
 * entries) are printed as they are when they are {@linkplain LogInjectionEscaper#isInert inert}, so they are
 * escaped once, never twice.
 */
final class NeutralizedEvent extends ForwardingLoggingEvent {

    private static final Object ESCAPING = new Object();

    private final NeutralizedAtIntake intake;
    /** What this thread's recent thread and logger names escape to: they are the same instances event after event. */
    private final RecentTexts escapedNames;
    private IThrowableProxy neutralizedProxy; // computed on first use; one layout renders one event on one thread

    NeutralizedEvent(ILoggingEvent redacted, RecentTexts escapedNames) {
        super(redacted);
        this.intake = NeutralizedAtIntake.of(redacted);
        this.escapedNames = escapedNames;
    }

    /** A single-line field: escaped, unless the event was neutralised at intake and the text is inert. */
    private String singleLine(String text) {
        if (intake != null && LogInjectionEscaper.isInert(text)) {
            return text;
        }
        return LogInjectionEscaper.escape(text);
    }

    private String mdcValue(String key, String value) {
        return intake != null && intake.isMultiLineMdcKey(key) ? LogInjectionEscaper.escape(value) : singleLine(value);
    }

    @Override
    public String getFormattedMessage() {
        return LogInjectionEscaper.escape(delegate().getFormattedMessage());
    }

    @Override
    public String getMessage() {
        return LogInjectionEscaper.escape(delegate().getMessage());
    }

    @Override
    public Object[] getArgumentArray() {
        Object[] args = delegate().getArgumentArray();
        if (args == null) {
            return null;
        }
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s) {
                String escaped = LogInjectionEscaper.escape(s);
                if (escaped != s) {
                    if (out == args) {
                        out = args.clone();
                    }
                    out[i] = escaped;
                }
            }
        }
        return out;
    }

    @Override
    public String getThreadName() {
        return name(delegate().getThreadName());
    }

    @Override
    public String getLoggerName() {
        return name(delegate().getLoggerName());
    }

    /** A thread or logger name, escaped once per instance and thread. */
    private String name(String text) {
        if (text == null || intake != null) {
            return text == null ? null : singleLine(text);
        }
        String known = escapedNames.get(ESCAPING, text);
        if (known == null) {
            known = LogInjectionEscaper.escape(text);
            escapedNames.put(ESCAPING, text, known);
        }
        return known;
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        Map<String, String> mdc = delegate().getMDCPropertyMap();
        if (mdc == null || mdc.isEmpty()) {
            return mdc;
        }
        Map<String, String> out = null;
        for (String key : mdc.keySet()) {
            String value = mdc.get(key);
            String escapedKey = singleLine(key);
            String escapedValue = mdcValue(key, value);
            if (escapedKey != key || escapedValue != value) {
                if (out == null) {
                    out = new HashMap<>(mdc);
                }
                out.remove(key);
                out.put(escapedKey, escapedValue);
            }
        }
        return out == null ? mdc : Collections.unmodifiableMap(out);
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        List<KeyValuePair> pairs = delegate().getKeyValuePairs();
        if (pairs == null || pairs.isEmpty()) {
            return pairs;
        }
        List<KeyValuePair> out = new ArrayList<>(pairs.size());
        for (KeyValuePair pair : pairs) {
            if (pair == null) {
                continue;
            }
            String value = pair.value == null ? null : LogInjectionEscaper.escape(String.valueOf(pair.value));
            out.add(new KeyValuePair(LogInjectionEscaper.escape(pair.key), value));
        }
        return out;
    }

    /** The throwable with class names and messages neutralised; a real ThrowableProxy, rebuilt only when needed. */
    @Override
    public IThrowableProxy getThrowableProxy() {
        IThrowableProxy proxy = neutralizedProxy;
        if (proxy == null) {
            proxy = ThrowableRewriter.rewrite(delegate().getThrowableProxy(), LogInjectionEscaper::escape);
            neutralizedProxy = proxy;
        }
        return proxy;
    }
}
