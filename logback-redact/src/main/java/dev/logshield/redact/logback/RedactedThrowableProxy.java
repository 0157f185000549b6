package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * A view of a throwable whose messages (its own, its causes' and its suppressed exceptions') are redacted and
 * neutralised, so that Logback's own stack-trace rendering can print it: frames keep their line structure
 * while a message can neither leak a secret nor forge a line. The original proxy is not modified, so other
 * appenders see the event unchanged.
 */
final class RedactedThrowableProxy implements IThrowableProxy {

    private final IThrowableProxy delegate;
    private final FieldRedactor redactor;

    private RedactedThrowableProxy(IThrowableProxy delegate, FieldRedactor redactor) {
        this.delegate = delegate;
        this.redactor = redactor;
    }

    static IThrowableProxy wrap(IThrowableProxy tp, FieldRedactor redactor) {
        if (tp == null || tp instanceof RedactedThrowableProxy) {
            return tp;
        }
        return new RedactedThrowableProxy(tp, redactor);
    }

    @Override
    public String getMessage() {
        return redactor.text(delegate.getMessage());
    }

    @Override
    public String getOverridingMessage() {
        return redactor.text(delegate.getOverridingMessage());
    }

    @Override
    public String getClassName() {
        return redactor.name(delegate.getClassName());
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
        return wrap(delegate.getCause(), redactor);
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] suppressed = delegate.getSuppressed();
        if (suppressed == null || suppressed.length == 0) {
            return suppressed;
        }
        IThrowableProxy[] out = new IThrowableProxy[suppressed.length];
        for (int i = 0; i < suppressed.length; i++) {
            out[i] = wrap(suppressed[i], redactor);
        }
        return out;
    }

    @Override
    public boolean isCyclic() {
        return delegate.isCyclic();
    }
}
