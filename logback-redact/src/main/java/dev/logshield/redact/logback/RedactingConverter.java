package dev.logshield.redact.logback;

/**
 * A converter that prints user data and so needs an {@link EventPreparer}. A {@link RedactingPatternLayout}
 * binds its own after compiling the pattern; a converter used on its own (registered with
 * {@code conversionRule} in a plain layout) binds the context's default engine when it starts.
 */
interface RedactingConverter {

    void bind(EventPreparer preparer);
}
