package dev.logshield.redact.json;

import java.util.Arrays;
import java.util.HashSet;

/**
 * The names already written in one JSON object. Linear for the usual handful of fields (no allocation per
 * event), hashed beyond that so that a map with a million keys stays linear overall. {@link #clear()} drops
 * every reference, so nothing of one event survives into the next.
 */
final class NameSet {

    private static final int LINEAR_LIMIT = 32;

    private final String[] small = new String[LINEAR_LIMIT];
    private int count;
    private HashSet<String> large;

    boolean contains(String name) {
        if (large != null) {
            return large.contains(name);
        }
        for (int i = 0; i < count; i++) {
            if (small[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return large != null ? large.size() : count;
    }

    void add(String name) {
        if (large != null) {
            large.add(name);
            return;
        }
        if (count < LINEAR_LIMIT) {
            small[count++] = name;
            return;
        }
        large = new HashSet<>(Arrays.asList(small).subList(0, count));
        large.add(name);
        Arrays.fill(small, 0, count, null);
        count = 0;
    }

    void clear() {
        Arrays.fill(small, 0, count, null);
        count = 0;
        large = null; // rare (objects of more than 32 fields): let it go rather than keep a big table per thread
    }
}
