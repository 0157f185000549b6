package dev.logshield.redact.event;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * A real {@link ThrowableProxy} (consumers test {@code instanceof ThrowableProxy}) for a throwable whose text was
 * rewritten ({@link ThrowableRewriter}): frames, common frames and packaging data are the original proxy's; class
 * name, messages, causes and suppressed exceptions are rewritten; {@link #getThrowable()} is a
 * {@link RedactedException} with the same content.
 */
final class RedactedThrowableProxy extends ThrowableProxy {

    private final IThrowableProxy original;
    private final String className;
    private final String message;
    private final String overridingMessage;
    private final IThrowableProxy cause;
    private final IThrowableProxy[] suppressed;

    RedactedThrowableProxy(RedactedException standIn, IThrowableProxy original, String className, String message,
            String overridingMessage, IThrowableProxy cause, IThrowableProxy[] suppressed) {
        super(standIn); // the stand-in has no cause, suppressed or frames yet: the base class builds nothing twice
        this.original = original;
        this.className = className;
        this.message = message;
        this.overridingMessage = overridingMessage;
        this.cause = cause;
        this.suppressed = suppressed;
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public String getOverridingMessage() {
        return overridingMessage;
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return original.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return original.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        return cause;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        return suppressed;
    }

    @Override
    public boolean isCyclic() {
        return original.isCyclic();
    }

    @Override
    public void calculatePackagingData() {
        // the frames are the original's, whose packaging data Logback computed when the event was created
    }
}
