package dev.logshield.redact.engine;

/**
 * Receives what the engine cannot report through its return value: detector failures (the engine has
 * already failed closed) and, for metrics, hits. Implementations must be fast and must not throw.
 */
public interface RedactionListener {

    /** No-op listener. */
    RedactionListener NONE = new RedactionListener() { };

    /** A rule redacted one span. */
    default void onHit(Rule rule) {
    }

    /** A detector threw; the whole text was replaced by a mask. */
    default void onFailure(Rule rule, Throwable failure) {
    }
}
