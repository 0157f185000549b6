package dev.logshield.tls.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last N events written to a connection without acknowledgement (octet counting, newline): a dying peer may
 * have dropped any of them, so after a reconnect they are sent again (at-least-once; with the encoder's sequence
 * ids, duplicates can be dropped downstream). N = 0 turns replay off. It also holds the events of a write that
 * failed, not yet settled: they are delivered when re-sent, or put back into the spool or counted at stop.
 */
final class ReplayWindow {

    private final int size;
    private final ArrayDeque<Outgoing> recent;
    /** How many of {@link #recent} are not settled (an event's state does not change while the window holds it). */
    private int unsettled;

    ReplayWindow(int size) {
        this.size = Math.max(0, size);
        this.recent = new ArrayDeque<>(Math.min(this.size, 65_536) + 1);
    }

    /** Keeps {@code event}; returns the oldest one it pushes out, or null. */
    Outgoing sent(Outgoing event) {
        if (size == 0) {
            return event;
        }
        Outgoing out = recent.size() == size ? recent.pollFirst() : null;
        recent.addLast(event);
        count(event, 1);
        count(out, -1);
        return out;
    }

    /**
     * Takes back {@code events} from the newest end of the window, where {@link #sent} put them: a batch whose
     * delivery failed unexpectedly is not re-sent, since it may be what fails.
     */
    void withdraw(List<Outgoing> events) {
        for (int i = events.size() - 1; i >= 0 && recent.peekLast() == events.get(i); i--) {
            count(recent.pollLast(), -1);
        }
    }

    /** The events to send again, oldest first; the window is emptied (they re-enter it when re-sent). */
    List<Outgoing> takeForReplay() {
        List<Outgoing> events = new ArrayList<>(recent);
        recent.clear();
        unsettled = 0;
        return events;
    }

    private void count(Outgoing event, int delta) {
        if (event != null && !event.settled) {
            unsettled += delta;
        }
    }

    /** True when it holds events of a failed write, not yet delivered. */
    boolean hasUnsettled() {
        return unsettled > 0;
    }

    /** The events not settled (a failed write's), oldest first; the window is emptied. */
    List<Outgoing> takeUnsettled() {
        List<Outgoing> events = new ArrayList<>();
        for (Outgoing event : recent) {
            if (!event.settled) {
                events.add(event);
            }
        }
        recent.clear();
        unsettled = 0;
        return events;
    }
}
