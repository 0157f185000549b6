package dev.logshield.tls.receiver.parse;

import dev.logshield.redact.text.LogInjectionEscaper;

/**
 * What the receiver does to the text a client sends before any appender sees it, so that no client can forge a line
 * of the receiver's output or pass for another client.
 *
 * <ul>
 * <li><b>Single-line fields</b> (logger and thread names, MDC and structured-data names and values, host and app
 * names, the identity entries): everything that could break a line, move the cursor, recolour a terminal or
 * reorder text is escaped, with the convention of LogShield's text layouts ({@link LogInjectionEscaper}), so an
 * operator reads the same thing from every LogShield output: backslash as {@code \\}; CR, LF, TAB as {@code \r},
 * {@code \n}, {@code \t}; every other C0 control, DEL, the C1 controls (ESC, so every ANSI sequence, and NEL
 * U+0085), U+2028/U+2029, the bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), U+200B and
 * U+FEFF as {@code \}{@code uXXXX}. The escaping is injective: two different names stay two different names.</li>
 * <li><b>Multi-line text</b> (the message, and a stack trace sent as its own field) is kept exactly as sent: stack
 * traces arrive with their line breaks, and the text outputs neutralise it once, where it is written
 * ({@code RedactingPatternLayoutEncoder}; JSON encoders escape control characters themselves). Nothing is removed
 * from it at intake, NUL included: the strict UTF-8 decoder has already refused invalid bytes and surrogates, every
 * neutralising output writes NUL as {@code \}{@code u0000}, and any rewriting here would either be escaped a second time
 * by those outputs or silently change the evidence a log is kept for.</li>
 * </ul>
 * A field with nothing to escape is returned as the same instance, without allocating. Stateless and thread-safe.
 */
public final class IntakeNeutralizer {

    private IntakeNeutralizer() {
    }

    /** {@code text} as a single-line field: neutralised, or the same instance when clean; null stays null. */
    public static String singleLine(String text) {
        return LogInjectionEscaper.escape(text);
    }
}
