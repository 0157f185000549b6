package dev.logshield.tls.testing;

import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that stops the Logback contexts and closes the resources (servers, meter registries) a test
 * registers, after each test, the last registered first; what a test starts in a field or a helper is then never
 * left running, and the classes need no {@code @AfterEach} of their own.
 * <pre>{@code
 * @RegisterExtension
 * final ClosedAfterEach cleanup = new ClosedAfterEach();
 * private final TestMeters meters = cleanup.close(TestMeters.register());
 * ...
 * LoggerContext context = cleanup.stop(XmlConfiguredContext.configure(...));
 * }</pre>
 */
public final class ClosedAfterEach implements AfterEachCallback {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** Stops {@code context} after the test; returns it. */
    public LoggerContext stop(LoggerContext context) {
        open.push(context::stop);
        return context;
    }

    /** Closes {@code resource} after the test; returns it. */
    public <T extends AutoCloseable> T close(T resource) {
        open.push(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext extension) throws Exception {
        Exception first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
