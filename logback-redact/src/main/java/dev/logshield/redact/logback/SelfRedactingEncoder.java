package dev.logshield.redact.logback;

/**
 * Marks an encoder that redacts every part of every event it writes by itself ({@link RedactingPatternLayoutEncoder},
 * {@code RedactingJsonEncoder}). A LogShield sink whose {@code <redaction>} element was left at its defaults hands
 * such an encoder the original event instead of redacting it twice; with an explicit {@code <redaction>} element
 * both apply.
 */
public interface SelfRedactingEncoder {
}
