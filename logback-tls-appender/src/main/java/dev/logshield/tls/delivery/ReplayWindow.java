package dev.logshield.tls.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last N events written to a connection without acknowledgement (octet counting, newline): a dying peer may
 * have dropped any of them, so after a reconnect they are sent again (at-least-once; with the encoder's sequence
 * ids, duplicates can be dropped downstream). N = 0 turns replay off.
 */
public final class ReplayWindow {

    private final int size;
    private final ArrayDeque<byte[]> recent;

    public ReplayWindow(int size) {
        this.size = Math.max(0, size);
        this.recent = new ArrayDeque<>(Math.min(this.size, 65_536) + 1);
    }

    public void sent(byte[] event) {
        if (size == 0) {
            return;
        }
        if (recent.size() == size) {
            recent.pollFirst();
        }
        recent.addLast(event);
    }

    /**
     * Takes back {@code events} from the newest end of the window, where {@link #sent} put them: a batch whose
     * delivery failed unexpectedly is not re-sent, since it may be what fails.
     */
    public void withdraw(List<byte[]> events) {
        for (int i = events.size() - 1; i >= 0 && recent.peekLast() == events.get(i); i--) {
            recent.pollLast();
        }
    }

    /** The events to send again, oldest first; the window is emptied (they re-enter it when re-sent). */
    public List<byte[]> takeForReplay() {
        List<byte[]> events = new ArrayList<>(recent);
        recent.clear();
        return events;
    }

    public int size() {
        return recent.size();
    }
}
