package dev.logshield.redact.event;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.function.UnaryOperator;

/**
 * Rewrites the text of a throwable at any depth (redaction, or a text layout's neutralisation): the class names and
 * messages of the exception, its causes and its suppressed exceptions, including a {@code toString()} that a class
 * overrides. A throwable whose text the rewrite leaves alone (the same instances back) is kept as it is, checked
 * without allocating; otherwise the whole tree is rebuilt as real {@code ThrowableProxy}s over
 * {@link RedactedException} stand-ins, frames unchanged.
 */
public final class ThrowableRewriter {

    /** Deeper chains than this are cut (the proxy tree is walked recursively, as Logback itself does). */
    private static final int MAX_DEPTH = 512;

    private ThrowableRewriter() {
    }

    /**
     * {@code proxy} itself when {@code text} changes none of its class names and messages (null stays null), else
     * its rewritten copy. {@code text} must answer the same instance for text it leaves alone, and null for null.
     */
    public static IThrowableProxy rewrite(IThrowableProxy proxy, UnaryOperator<String> text) {
        if (proxy == null || !changes(proxy, text, 0)) {
            return proxy;
        }
        return rebuild(proxy, text, 0).proxy;
    }

    private static boolean changes(IThrowableProxy p, UnaryOperator<String> text, int depth) {
        if (depth > MAX_DEPTH) {
            return true;
        }
        if (changed(p.getClassName(), text) || changed(p.getMessage(), text) || changed(p.getOverridingMessage(), text)) {
            return true;
        }
        IThrowableProxy cause = p.getCause();
        if (cause != null && changes(cause, text, depth + 1)) {
            return true;
        }
        IThrowableProxy[] suppressed = p.getSuppressed();
        if (suppressed != null) {
            for (IThrowableProxy s : suppressed) {
                if (s != null && changes(s, text, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean changed(String value, UnaryOperator<String> text) {
        return value != null && text.apply(value) != value;
    }

    private static String apply(String value, UnaryOperator<String> text) {
        return value == null ? null : text.apply(value);
    }

    private record Rebuilt(RedactedThrowableProxy proxy, RedactedException standIn) {
    }

    private static Rebuilt rebuild(IThrowableProxy p, UnaryOperator<String> text, int depth) {
        Rebuilt cause = null;
        if (p.getCause() != null && depth < MAX_DEPTH) {
            cause = rebuild(p.getCause(), text, depth + 1);
        }
        IThrowableProxy[] originalSuppressed = p.getSuppressed();
        Rebuilt[] suppressed = new Rebuilt[originalSuppressed == null || depth >= MAX_DEPTH ? 0 : originalSuppressed.length];
        for (int i = 0; i < suppressed.length; i++) {
            suppressed[i] = originalSuppressed[i] == null ? null : rebuild(originalSuppressed[i], text, depth + 1);
        }
        String className = apply(p.getClassName(), text);
        String message = apply(p.getMessage(), text);
        String overriding = apply(p.getOverridingMessage(), text);
        RedactedException standIn = new RedactedException(className, message, overriding);
        IThrowableProxy[] suppressedProxies = new IThrowableProxy[suppressed.length];
        for (int i = 0; i < suppressed.length; i++) {
            suppressedProxies[i] = suppressed[i] == null ? null : suppressed[i].proxy;
        }
        RedactedThrowableProxy proxy = new RedactedThrowableProxy(standIn, p, className, message, overriding,
                cause == null ? null : cause.proxy, suppressedProxies);
        // linked only now, so that the ThrowableProxy constructor above did not build proxies of its own for them
        if (cause != null) {
            standIn.initCause(cause.standIn);
        }
        for (Rebuilt s : suppressed) {
            if (s != null) {
                standIn.addSuppressed(s.standIn);
            }
        }
        standIn.setStackTrace(frames(p.getStackTraceElementProxyArray()));
        return new Rebuilt(proxy, standIn);
    }

    private static StackTraceElement[] frames(StackTraceElementProxy[] steps) {
        if (steps == null) {
            return new StackTraceElement[0];
        }
        StackTraceElement[] frames = new StackTraceElement[steps.length];
        for (int i = 0; i < steps.length; i++) {
            frames[i] = steps[i].getStackTraceElement();
        }
        return frames;
    }
}
