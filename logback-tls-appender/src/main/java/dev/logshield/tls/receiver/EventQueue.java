package dev.logshield.tls.receiver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer between the connection threads and the dispatcher: at most {@code <queueSize>} events and
 * {@code <queueMaxBytes>} bytes of frames, so that memory stays bounded whatever the clients send. A connection
 * thread that finds it full waits (back-pressure through TCP to its client); nothing is ever dropped for lack of
 * room. Only stopping drops: after {@link #close()}, {@link #put} refuses; after {@link #abandon()}, the dispatcher
 * gets nothing more and the caller counts what was left. Thread-safe.
 */
final class EventQueue {

    private final int capacity;
    private final long maxBytes;
    private final ArrayDeque<QueuedEvent> events;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private long bytes;
    private boolean closed;
    private boolean abandoned;

    EventQueue(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Appends {@code event}, waiting while the queue is full (an event larger than the whole byte budget waits for
     * an empty queue).
     *
     * @param onWait called once, before waiting, when the queue is full
     * @return true when queued, false when the queue is closed (the receiver is stopping)
     */
    boolean put(QueuedEvent event, Runnable onWait) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            boolean waited = false;
            while (!closed && isFull(event.bytes())) {
                if (!waited) {
                    waited = true;
                    onWait.run();
                }
                notFull.await();
            }
            if (closed) {
                return false;
            }
            events.addLast(event);
            bytes += event.bytes();
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next event, waiting for one; {@code null} once closed and empty, or abandoned. */
    QueuedEvent take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!abandoned && events.isEmpty() && !closed) {
                notEmpty.await();
            }
            if (abandoned || events.isEmpty()) {
                return null;
            }
            QueuedEvent event = events.pollFirst();
            bytes -= event.bytes();
            notFull.signalAll();
            return event;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further events; waiting producers give up, the dispatcher gets what is queued. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notFull.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes and empties the queue; returns what was left for the caller to count. */
    List<QueuedEvent> abandon() {
        lock.lock();
        try {
            closed = true;
            abandoned = true;
            List<QueuedEvent> left = new ArrayList<>(events);
            events.clear();
            bytes = 0;
            notFull.signalAll();
            notEmpty.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }

    /** Events waiting now. */
    int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return capacity;
    }

    private boolean isFull(int incoming) {
        return events.size() >= capacity || !events.isEmpty() && bytes + incoming > maxBytes;
    }
}
