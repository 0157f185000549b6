package dev.logshield.redact.json;

import ch.qos.logback.core.spi.ContextAware;
import ch.qos.logback.core.spi.DeferredProcessingAware;
import java.util.List;
import java.util.Set;
import net.logstash.logback.composite.JsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * Runs an encoder's providers one by one through the redacting generator: tells it whose fields come next
 * ({@link FieldSource}), so that application data cannot take a protected name, and contains each provider's
 * failure: what it opened is closed, a pending value gets a placeholder, the failure is recorded in
 * {@code logshield_error}, and the next provider runs. Immutable once built.
 */
final class ProviderIsolation<E extends DeferredProcessingAware> {

    private final List<JsonProvider<E>> providers;
    private final FieldSource[] sources;
    /** Providers whose values the application cannot influence: written without running the engine. */
    private final boolean[] trusted;
    private final Set<String> protectedNames;
    private final ContextAware reporter;

    ProviderIsolation(List<JsonProvider<E>> providers, Set<String> protectedNames, ContextAware reporter) {
        this.providers = List.copyOf(providers);
        this.sources = this.providers.stream().map(FieldSource::of).toArray(FieldSource[]::new);
        this.trusted = new boolean[this.providers.size()];
        for (int i = 0; i < trusted.length; i++) {
            trusted[i] = TrustedProviders.writesOnlyTrustedValues(this.providers.get(i));
        }
        this.protectedNames = Set.copyOf(protectedNames);
        this.reporter = reporter;
    }

    void writeTo(JsonGenerator generator, E event) {
        RedactingJsonGenerator redacting = RedactingJsonGenerator.find(generator);
        if (redacting == null) {
            // fail closed: these providers exist to feed the redacting generator; without it nothing is redacted
            reporter.addError("RedactingJsonProviders needs <decorator class=\""
                    + RedactingJsonGeneratorDecorator.class.getName()
                    + "\"/> in the same encoder; refusing to write unredacted JSON");
            throw new IllegalStateException("no RedactingJsonGeneratorDecorator on this encoder");
        }
        for (int i = 0; i < sources.length; i++) {
            JsonProvider<E> provider = providers.get(i);
            redacting.enterSource(sources[i], protectedNames, trusted[i]);
            int depth = redacting.depth();
            long mark = redacting.writes();
            try {
                provider.writeTo(generator, event);
            } catch (RuntimeException | StackOverflowError e) {
                String failure = sources[i] == FieldSource.STANDARD
                        ? "provider " + provider.getClass().getSimpleName() + " failed (" + e.getClass().getName() + ")"
                        : sources[i].label() + " serialisation failed: " + e.getClass().getName();
                if (!redacting.recover(depth, mark, failure)) {
                    throw e;
                }
            }
        }
        redacting.enterSource(FieldSource.STANDARD, protectedNames, false);
    }
}
