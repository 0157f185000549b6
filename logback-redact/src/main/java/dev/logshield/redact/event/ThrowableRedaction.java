package dev.logshield.redact.event;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import dev.logshield.redact.engine.Redactor;

/**
 * Redacts a throwable's messages at any depth: its own, its causes' and its suppressed exceptions', including a
 * {@code toString()} that a class overrides. A throwable with nothing to redact is kept as it is, checked without
 * allocating; otherwise the whole tree is rebuilt as {@link RedactedThrowableProxy}s over {@link RedactedException}
 * stand-ins, frames unchanged.
 */
final class ThrowableRedaction {

    /** Deeper chains than this are cut (the proxy tree is walked recursively, as Logback itself does). */
    private static final int MAX_DEPTH = 512;

    private ThrowableRedaction() {
    }

    /** {@code proxy} itself when no message in it matched, else its redacted copy. */
    static IThrowableProxy redact(IThrowableProxy proxy, Redactor redactor) {
        if (proxy == null || !needsRedaction(proxy, redactor, 0)) {
            return proxy;
        }
        return rebuild(proxy, redactor, 0).proxy;
    }

    private static boolean needsRedaction(IThrowableProxy p, Redactor redactor, int depth) {
        if (depth > MAX_DEPTH) {
            return true;
        }
        String message = p.getMessage();
        if (redactor.redact(message) != message) {
            return true;
        }
        String overriding = p.getOverridingMessage();
        if (redactor.redact(overriding) != overriding) {
            return true;
        }
        IThrowableProxy cause = p.getCause();
        if (cause != null && needsRedaction(cause, redactor, depth + 1)) {
            return true;
        }
        IThrowableProxy[] suppressed = p.getSuppressed();
        if (suppressed != null) {
            for (IThrowableProxy s : suppressed) {
                if (s != null && needsRedaction(s, redactor, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private record Rebuilt(RedactedThrowableProxy proxy, RedactedException standIn) {
    }

    private static Rebuilt rebuild(IThrowableProxy p, Redactor redactor, int depth) {
        Rebuilt cause = null;
        if (p.getCause() != null && depth < MAX_DEPTH) {
            cause = rebuild(p.getCause(), redactor, depth + 1);
        }
        IThrowableProxy[] originalSuppressed = p.getSuppressed();
        Rebuilt[] suppressed = new Rebuilt[originalSuppressed == null || depth >= MAX_DEPTH ? 0 : originalSuppressed.length];
        for (int i = 0; i < suppressed.length; i++) {
            suppressed[i] = originalSuppressed[i] == null ? null : rebuild(originalSuppressed[i], redactor, depth + 1);
        }
        String message = redactor.redact(p.getMessage());
        String overriding = redactor.redact(p.getOverridingMessage());
        RedactedException standIn = new RedactedException(p.getClassName(), message, overriding);
        IThrowableProxy[] suppressedProxies = new IThrowableProxy[suppressed.length];
        for (int i = 0; i < suppressed.length; i++) {
            suppressedProxies[i] = suppressed[i] == null ? null : suppressed[i].proxy;
        }
        RedactedThrowableProxy proxy = new RedactedThrowableProxy(standIn, p, message, overriding,
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
