package dev.logshield.tls.receiver;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.spi.ConfigurationEvent;
import ch.qos.logback.core.spi.ConfigurationEventListener;

/**
 * Runs an action once the Logback context is fully configured. A {@code <contextListener>} is started while Joran
 * is still interpreting the file: in Logback 1.5 and 1.6 the loggers' appender-refs are attached after it, wherever
 * it stands in the file. A receiver accepting connections then would acknowledge events while the root logger has no
 * appender. So when this thread is inside a Joran configuration, the action waits for the context's
 * "configuration ended" event (fired by Joran after every model handler ran, with or without XML errors); otherwise
 * (a receiver embedded from Java, a context already configured) it runs at once.
 *
 * <p>Whether a configuration is running is read from this thread's stack: Joran's configurator announces the end of
 * a configuration but not, to a component it creates, that one is under way. Thread-safe; the action runs at most
 * once.
 */
final class ConfiguredContextGate implements ConfigurationEventListener {

    private static final String JORAN_CONFIGURATOR = "ch.qos.logback.core.joran.GenericXMLConfigurator";

    private final Context context;
    private final Runnable action;
    private boolean done;

    private ConfiguredContextGate(Context context, Runnable action) {
        this.context = context;
        this.action = action;
    }

    /**
     * Runs {@code action} now, or once the configuration this thread is running ends.
     *
     * @return the gate, to {@link #cancel()} it when the component stops before the configuration ends
     */
    static ConfiguredContextGate whenConfigured(Context context, Runnable action) {
        ConfiguredContextGate gate = new ConfiguredContextGate(context, action);
        if (insideJoranConfiguration()) {
            context.addConfigurationEventListener(gate);
        } else {
            gate.run();
        }
        return gate;
    }

    /**
     * Whether a Joran configuration that will announce its end is running on this thread: its {@code doConfigure}
     * is on the stack. (A model processed without it, as Spring Boot's AOT mode does, announces nothing: the action
     * then runs at once.)
     */
    static boolean insideJoranConfiguration() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().equals(JORAN_CONFIGURATOR) && f.getMethodName().equals("doConfigure")));
    }

    /** Whether the action has run (or the gate was cancelled). */
    synchronized boolean isDone() {
        return done;
    }

    @Override
    public void listen(ConfigurationEvent event) {
        switch (event.getEventType()) {
            case CONFIGURATION_ENDED_SUCCESSFULLY, CONFIGURATION_ENDED_WITH_XML_PARSING_ERRORS -> {
                context.removeConfigurationEventListener(this);
                run();
            }
            default -> {
                // a configuration started, a change detected...: not the end of this one
            }
        }
    }

    /** Stops waiting; the action will not run. */
    void cancel() {
        synchronized (this) {
            done = true;
        }
        context.removeConfigurationEventListener(this);
    }

    private void run() {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        action.run();
    }
}
