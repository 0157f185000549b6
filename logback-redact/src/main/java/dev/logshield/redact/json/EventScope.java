package dev.logshield.redact.json;

import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.json.FieldFrames.Frame;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * What a redacting generator knows about the event it is writing: the structures open in the real generator (one
 * frame per depth, with the names written and the name whose value comes next), whether a masked structure is being
 * swallowed, who writes the top-level fields, the engine snapshot for this event, and the failures to report at its
 * end. {@link #reset()} at each root: nothing of one event survives into the next.
 */
final class EventScope {

    private static final int MAX_ERRORS_PER_EVENT = 8;

    final FieldFrames frames = new FieldFrames();
    Redactor redactor;
    /** Above zero inside a structure replaced by a mask: its nested writes are swallowed. */
    int skipDepth;
    /** Values and structure ends passed down so far; tells whether a failed value wrote anything. */
    long writes;
    FieldSource source = FieldSource.UNKNOWN;
    /** The current provider writes only values the application cannot influence (see TrustedProviders). */
    boolean trustedValues;
    Set<String> protectedNames = Set.of();
    private final StringBuilder errors = new StringBuilder();
    private int errorCount;

    EventScope(Redactor redactor) {
        this.redactor = redactor;
    }

    void reset() {
        frames.clear();
        skipDepth = 0;
        writes = 0;
        source = FieldSource.UNKNOWN;
        trustedValues = false;
        protectedNames = Set.of();
        errors.setLength(0);
        errorCount = 0;
        if (errors.capacity() > 4096) {
            errors.trimToSize();
        }
    }

    boolean skipping() {
        return skipDepth > 0;
    }

    /** True when the value about to be written sits under a sensitive name. */
    boolean sensitiveSlot() {
        Frame f = frames.top();
        return f != null && f.pendingSensitive;
    }

    /** The name, as written by the application, of the value about to be written; null in arrays and at the root. */
    String slotName() {
        Frame f = frames.top();
        return f == null ? null : f.pendingName;
    }

    /** True where a value may go: in an array, or after a name. */
    boolean inValuePosition() {
        Frame f = frames.top();
        return f != null && (!f.object || f.pendingName != null);
    }

    /** A value went down: the pending name, if any, is used up. */
    void wrote() {
        Frame f = frames.top();
        if (f != null) {
            f.pendingName = null;
            f.pendingSensitive = false;
        }
        writes++;
    }

    void opened(boolean object) {
        wrote();
        frames.push(object);
    }

    void closed() {
        frames.pop();
        writes++;
        if (frames.isEmpty()) {
            reset();
        }
    }

    void recordFailure(String failure) {
        errorCount++;
        if (errorCount <= MAX_ERRORS_PER_EVENT) {
            errors.append(errors.length() == 0 ? "" : "; ").append(failure);
        }
    }

    /** This event's failures for {@code logshield_error}, or null when there were none. */
    String failures() {
        if (errorCount == 0) {
            return null;
        }
        return errorCount > MAX_ERRORS_PER_EVENT
                ? errors + "; and " + (errorCount - MAX_ERRORS_PER_EVENT) + " more"
                : errors.toString();
    }

    /**
     * Closes in {@code real} every structure opened below {@code depth} (a name left without value gets null), and
     * fills the value slot at {@code depth} with {@code placeholder} if the failed value left it empty. False when
     * the real generator cannot continue.
     */
    boolean unwindTo(JsonGenerator real, int depth, long mark, String placeholder) {
        try {
            skipDepth = 0;
            while (frames.size() > depth) {
                Frame f = frames.top();
                if (f.object) {
                    if (f.pendingName != null) {
                        real.writeNull();
                    }
                    real.writeEndObject();
                } else {
                    real.writeEndArray();
                }
                frames.pop();
                writes++;
            }
            Frame f = frames.top();
            boolean slotOpen = f != null && f.object ? f.pendingName != null : writes == mark;
            if (slotOpen && f != null) {
                real.writeString(placeholder);
                wrote();
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
