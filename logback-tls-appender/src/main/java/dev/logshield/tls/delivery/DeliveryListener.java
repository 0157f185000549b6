package dev.logshield.tls.delivery;

/** What the sender reports: the appender turns it into status messages and Micrometer meters. */
public interface DeliveryListener {

    /** Events written to a connection (re-sends included). */
    void sent(int events);

    void acknowledged(int events);

    /** Events delivered, each counted once: written (re-sends not counted again) or, for RELP, acknowledged. */
    void delivered(int events);

    void dropped(int events, String reason);

    void replayed(int events);

    void spooled(int events);

    /** At start: {@code events} left in the spool by an earlier run, delivered before any new event. */
    void spoolFound(long events);

    /** Events still in memory at stop, written back into the spool for the next start. */
    void returnedToSpool(int events);

    void connected(Destination destination, String description);

    void disconnected(Destination destination, String reason);

    /** A failed attempt; {@code handshakeReason} is non-null when the peer rejected us at the TLS level. */
    void connectFailed(Destination destination, String handshakeReason, Exception cause);

    /**
     * Something unexpected was thrown on the sender thread; the {@code eventsLost} it held are already reported as
     * {@link #dropped} ({@link Sender#SENDER_FAILURE}), and delivery restarts after a backoff.
     */
    void senderFailed(Throwable failure, int eventsLost);

    /** No listener. */
    DeliveryListener NONE = new DeliveryListener() {
        @Override
        public void sent(int events) {
        }

        @Override
        public void acknowledged(int events) {
        }

        @Override
        public void delivered(int events) {
        }

        @Override
        public void dropped(int events, String reason) {
        }

        @Override
        public void replayed(int events) {
        }

        @Override
        public void spooled(int events) {
        }

        @Override
        public void spoolFound(long events) {
        }

        @Override
        public void returnedToSpool(int events) {
        }

        @Override
        public void connected(Destination destination, String description) {
        }

        @Override
        public void disconnected(Destination destination, String reason) {
        }

        @Override
        public void connectFailed(Destination destination, String handshakeReason, Exception cause) {
        }

        @Override
        public void senderFailed(Throwable failure, int eventsLost) {
        }
    };
}
