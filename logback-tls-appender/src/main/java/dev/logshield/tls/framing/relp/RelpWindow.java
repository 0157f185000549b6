package dev.logshield.tls.framing.relp;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of one RELP session that still await their {@code rsp}, in sending order, each with the event it
 * carries: hands out the transaction numbers (1, 2, ... 999 999 999, then 1 again) and, as responses arrive, gives
 * back the events now acknowledged, always in sending order: an event is released only once it and every command
 * before it are answered, so that whatever is released can be forgotten and whatever is not is resent in order
 * after a reconnect.
 * <pre>{@code
 * RelpWindow<byte[]> window = new RelpWindow<>(128);
 * int open = window.addCommand();                 // 1: open (carries no event)
 * int t = window.add(encoded);                    // 2: syslog
 * ... on rsp: if (!rsp.isOk()) close and replay; else for (byte[] done : window.acknowledge(rsp.txnr())) ...
 * ... on reconnect: List<byte[]> resend = window.reset();  // txnrs restart at 1
 * }</pre>
 * A {@code 500} response means the server did not take the command: do not acknowledge it; end the session and
 * resend from {@link #reset()} (librelp breaks the session the same way). The capacity bounds the commands in
 * flight (librelp's default window is 128); {@link #add} refuses beyond it.
 *
 * <p>Not thread-safe: guard it with the session's lock, or use it from one thread.
 */
public final class RelpWindow<T> {

    /** librelp's default window size. */
    public static final int DEFAULT_CAPACITY = 128;
    /** The largest capacity: far below the txnr space, so a txnr is never in flight twice. */
    public static final int MAX_CAPACITY = 1 << 20;

    private static final Object COMMAND = new Object();

    private final Object[] events;
    private final boolean[] acked;
    private int head;
    private int size;
    private int headTxnr;
    private int nextTxnr;

    public RelpWindow(int capacity) {
        this(capacity, 1);
    }

    /** A window whose first txnr is {@code firstTxnr}: for tests of the wrap at 999 999 999. */
    RelpWindow(int capacity, int firstTxnr) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("window capacity " + capacity + " is outside 1.." + MAX_CAPACITY);
        }
        RelpFrame.checkTxnr(firstTxnr);
        this.events = new Object[capacity];
        this.acked = new boolean[capacity];
        this.nextTxnr = firstTxnr == 0 ? 1 : firstTxnr;
        this.headTxnr = nextTxnr;
    }

    public int capacity() {
        return events.length;
    }

    /** The number of commands awaiting a response, or answered but held back behind an earlier one. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isFull() {
        return size == events.length;
    }

    /** The txnr the next {@link #add} or {@link #addCommand} hands out. */
    public int nextTxnr() {
        return nextTxnr;
    }

    /**
     * Records a command carrying {@code event} (a {@code syslog}) and returns its txnr.
     *
     * @throws IllegalStateException when the window is full: wait for responses first
     */
    public int add(T event) {
        if (event == null) {
            throw new IllegalArgumentException("event is null");
        }
        return append(event);
    }

    /** Records a command without an event ({@code open}, {@code close}) and returns its txnr. */
    public int addCommand() {
        return append(COMMAND);
    }

    private int append(Object entry) {
        if (isFull()) {
            throw new IllegalStateException("the RELP window is full (" + events.length + " commands unanswered)");
        }
        int index = (head + size) % events.length;
        events[index] = entry;
        acked[index] = false;
        size++;
        int txnr = nextTxnr;
        nextTxnr = RelpFrame.nextTxnr(nextTxnr);
        return txnr;
    }

    /**
     * Marks the command {@code txnr} answered and returns the events released by it, in sending order: empty while
     * an earlier command is still unanswered, then that command's event and every answered one after it.
     *
     * @throws RelpProtocolException when {@code txnr} is not awaiting a response (never sent, already released, or
     *                               answered twice)
     */
    public List<T> acknowledge(int txnr) throws RelpProtocolException {
        int distance = txnr - headTxnr;
        if (distance < 0) {
            distance += RelpFrame.MAX_TXNR;
        }
        if (txnr < 1 || txnr > RelpFrame.MAX_TXNR || distance >= size) {
            throw new RelpProtocolException("response for txnr " + txnr + ", which awaits no response (in flight: "
                    + (size == 0 ? "none" : headTxnr + " to " + lastTxnr()) + ")");
        }
        int index = (head + distance) % events.length;
        if (acked[index]) {
            throw new RelpProtocolException("a second response for txnr " + txnr);
        }
        acked[index] = true;
        if (distance != 0) {
            return List.of();
        }
        List<T> released = null;
        while (size > 0 && acked[head]) {
            Object entry = events[head];
            if (entry != COMMAND) {
                if (released == null) {
                    released = new ArrayList<>();
                }
                released.add(cast(entry));
            }
            events[head] = null;
            acked[head] = false;
            head = (head + 1) % events.length;
            size--;
            headTxnr = RelpFrame.nextTxnr(headTxnr);
        }
        return released == null ? List.of() : released;
    }

    /**
     * Ends the session: returns every event not released, in sending order, to resend on the next session, and
     * empties the window; the next txnr is 1 again, as every RELP session starts there. Events answered out of
     * order but held back behind an unanswered command are included: resending may duplicate them (receivers drop
     * duplicates by the encoder's sequence ids), never lose them.
     */
    public List<T> reset() {
        List<T> unreleased = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int index = (head + i) % events.length;
            if (events[index] != COMMAND) {
                unreleased.add(cast(events[index]));
            }
            events[index] = null;
            acked[index] = false;
        }
        head = 0;
        size = 0;
        nextTxnr = 1;
        headTxnr = 1;
        return unreleased;
    }

    private int lastTxnr() {
        int last = nextTxnr - 1;
        return last == 0 ? RelpFrame.MAX_TXNR : last;
    }

    @SuppressWarnings("unchecked")
    private T cast(Object entry) {
        return (T) entry;
    }
}
