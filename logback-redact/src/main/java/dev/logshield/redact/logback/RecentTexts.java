package dev.logshield.redact.logback;

/**
 * One thread's last few short texts and what one transformation (an engine's redaction, escaping) made of them, found
 * by identity: the logger name, the thread name and the MDC values of an event are the same instances event after
 * event, so each is redacted or escaped once, not once per event. Direct-mapped by identity hash; texts longer than {@value #MAX_LENGTH} characters are not kept (a
 * message is new every time, and a long one would be held on to). Not thread-safe: one per thread.
 */
final class RecentTexts {

    static final int MAX_LENGTH = 256;
    private static final int SLOTS = 16;

    private final String[] inputs = new String[SLOTS];
    private final String[] outputs = new String[SLOTS];
    private Object owner;

    /** What {@code owner} (an engine, an escaper) made of {@code text} when this thread last asked, or null. */
    String get(Object owner, String text) {
        if (owner != this.owner || text.length() > MAX_LENGTH) {
            return null;
        }
        int slot = System.identityHashCode(text) & (SLOTS - 1);
        return inputs[slot] == text ? outputs[slot] : null;
    }

    void put(Object owner, String text, String result) {
        if (text.length() > MAX_LENGTH) {
            return;
        }
        if (owner != this.owner) {
            java.util.Arrays.fill(inputs, null); // another engine (a reloaded policy): forget the old answers
            java.util.Arrays.fill(outputs, null);
            this.owner = owner;
        }
        int slot = System.identityHashCode(text) & (SLOTS - 1);
        inputs[slot] = text;
        outputs[slot] = result;
    }
}
