package dev.logshield.tls.receiver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import java.util.function.Consumer;

/**
 * A {@code <contextListener>} for tests that runs {@link #duringConfiguration} from its {@code start()}, i.e. in the
 * middle of the Joran configuration, after the context listeners declared before it were started and before the
 * loggers' appender-refs are attached.
 */
public class ConfigurationProbe extends ContextAwareBase implements LoggerContextListener, LifeCycle {

    /** What the next probe started runs; set by the test, cleared after use. */
    static volatile Consumer<LoggerContext> duringConfiguration;

    private boolean started;

    @Override
    public void start() {
        Consumer<LoggerContext> action = duringConfiguration;
        duringConfiguration = null;
        if (action != null) {
            action.accept((LoggerContext) getContext());
        }
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isStarted() {
        return started;
    }

    @Override
    public boolean isResetResistant() {
        return false;
    }

    @Override
    public void onStart(LoggerContext context) {
    }

    @Override
    public void onReset(LoggerContext context) {
    }

    @Override
    public void onStop(LoggerContext context) {
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
    }
}
