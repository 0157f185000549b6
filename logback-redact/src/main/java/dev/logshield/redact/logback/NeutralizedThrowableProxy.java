package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import dev.logshield.redact.text.LogInjectionEscaper;

/**
 * A throwable as a text layout may print it: its messages (its own, its causes' and its suppressed exceptions')
 * and class names neutralised, so that Logback's own stack-trace rendering keeps the frames on their own lines
 * while a message can never forge one. Wraps an already redacted proxy; the original is not modified.
 */
final class NeutralizedThrowableProxy implements IThrowableProxy {

    private final IThrowableProxy delegate;

    private NeutralizedThrowableProxy(IThrowableProxy delegate) {
        this.delegate = delegate;
    }

    static IThrowableProxy wrap(IThrowableProxy tp) {
        if (tp == null || tp instanceof NeutralizedThrowableProxy) {
            return tp;
        }
        return new NeutralizedThrowableProxy(tp);
    }

    @Override
    public String getMessage() {
        return LogInjectionEscaper.escape(delegate.getMessage());
    }

    @Override
    public String getOverridingMessage() {
        return LogInjectionEscaper.escape(delegate.getOverridingMessage());
    }

    @Override
    public String getClassName() {
        return LogInjectionEscaper.escape(delegate.getClassName());
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return delegate.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return delegate.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        return wrap(delegate.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] suppressed = delegate.getSuppressed();
        if (suppressed == null || suppressed.length == 0) {
            return suppressed;
        }
        IThrowableProxy[] out = new IThrowableProxy[suppressed.length];
        for (int i = 0; i < suppressed.length; i++) {
            out[i] = wrap(suppressed[i]);
        }
        return out;
    }

    @Override
    public boolean isCyclic() {
        return delegate.isCyclic();
    }
}
