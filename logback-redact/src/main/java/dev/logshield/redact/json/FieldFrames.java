package dev.logshield.redact.json;

import java.util.Arrays;

/**
 * The JSON structures a generator has open, one frame per depth, mirroring exactly what was passed down to the
 * real generator: for an object, the names written so far and the name whose value comes next. Frames are
 * reused from event to event and emptied when popped.
 */
final class FieldFrames {

    static final class Frame {
        boolean object;
        /** The name, as the application wrote it, whose value comes next; null when no value is pending. */
        String pendingName;
        boolean pendingSensitive;
        final NameSet names = new NameSet();

        void open(boolean isObject) {
            this.object = isObject;
            this.pendingName = null;
            this.pendingSensitive = false;
        }

        void clear() {
            pendingName = null;
            pendingSensitive = false;
            names.clear();
        }
    }

    private Frame[] frames = new Frame[8];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The innermost open structure, or null at the root. */
    Frame top() {
        return size == 0 ? null : frames[size - 1];
    }

    void push(boolean object) {
        if (size == frames.length) {
            frames = Arrays.copyOf(frames, size * 2);
        }
        Frame f = frames[size];
        if (f == null) {
            f = new Frame();
            frames[size] = f;
        }
        f.open(object);
        size++;
    }

    void pop() {
        if (size > 0) {
            frames[--size].clear();
        }
    }

    void clear() {
        while (size > 0) {
            pop();
        }
        if (frames.length > 64) {
            frames = new Frame[8]; // one deeply nested event should not pin its frames to the thread
        }
    }
}
