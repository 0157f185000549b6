package dev.logshield.redact.logback;

import dev.logshield.redact.engine.Redactor;

/**
 * One thread's last few short texts and what one engine made of them, found by identity: the logger name, the thread
 * name and the MDC values of a JSON event are the same instances event after event, so each is redacted once, not
 * once per event. Direct-mapped by identity hash; texts longer than {@value #MAX_LENGTH} characters are not kept (a
 * message is new every time, and a long one would be held on to). Not thread-safe: one per thread.
 */
final class RecentTexts {

    static final int MAX_LENGTH = 256;
    private static final int SLOTS = 16;

    private final String[] inputs = new String[SLOTS];
    private final String[] outputs = new String[SLOTS];
    private Redactor redactor;

    /** What {@code redactor} made of {@code text} when this thread last asked, or null when that is not known. */
    String get(Redactor redactor, String text) {
        if (redactor != this.redactor || text.length() > MAX_LENGTH) {
            return null;
        }
        int slot = System.identityHashCode(text) & (SLOTS - 1);
        return inputs[slot] == text ? outputs[slot] : null;
    }

    void put(Redactor redactor, String text, String redacted) {
        if (text.length() > MAX_LENGTH) {
            return;
        }
        if (redactor != this.redactor) {
            java.util.Arrays.fill(inputs, null); // another engine (a reloaded policy): forget the old answers
            java.util.Arrays.fill(outputs, null);
            this.redactor = redactor;
        }
        int slot = System.identityHashCode(text) & (SLOTS - 1);
        inputs[slot] = text;
        outputs[slot] = redacted;
    }
}
