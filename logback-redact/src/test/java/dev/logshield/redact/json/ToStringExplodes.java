package dev.logshield.redact.json;

/** An argument whose toString() throws (its JSON form is an empty object: it has no getters). */
public final class ToStringExplodes {

    @Override
    public String toString() {
        throw new IllegalStateException("toString failed for password=hunter2");
    }
}
