package dev.logshield.tls.delivery;

/** What the sender reports: the appender turns it into status messages and Micrometer meters. */
public interface DeliveryListener {

    void sent(int events);

    void acknowledged(int events);

    void dropped(int events, String reason);

    void replayed(int events);

    void spooled(int events);

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
        public void dropped(int events, String reason) {
        }

        @Override
        public void replayed(int events) {
        }

        @Override
        public void spooled(int events) {
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
