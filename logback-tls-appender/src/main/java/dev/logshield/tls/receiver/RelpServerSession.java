package dev.logshield.tls.receiver;

import dev.logshield.tls.framing.relp.RelpFrame;
import dev.logshield.tls.framing.relp.RelpOffers;
import dev.logshield.tls.receiver.frames.DropReason;
import dev.logshield.tls.receiver.frames.FramingLostException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * The server's side of one RELP session: {@code open} is answered with the receiver's offers, each
 * {@code syslog} command becomes an event, {@code close} is answered and ends the connection.
 *
 * <p>An acknowledgement ({@code rsp 200 OK}) means the event has been handed to the appenders: the session queues
 * events as long as the client's bytes are already there, and just before a read would block on the socket it
 * waits for the dispatcher to have handed over everything queued, then writes every pending acknowledgement in
 * transaction order and flushes. So a client that waits for acknowledgements before sending more (its window is
 * full) always gets them, the dispatcher never writes to a socket (a client that does not read cannot stall the
 * others), and acknowledgements are batched under load.
 *
 * <p>A {@code syslog} command whose payload cannot be parsed is acknowledged {@code 200 OK} all the same, and
 * counted in {@code frames.dropped}: an error response would make RELP clients (rsyslog's omrelp, LogShield's own
 * appender) send the same bytes again forever. A command before {@code open}, or a second {@code open}, is
 * answered {@code 500} and ends the session; an unknown command is answered {@code 500} and the session goes on.
 * Used by the connection's thread only.
 */
final class RelpServerSession {

    static final String OFFERS = "relp_version=" + RelpOffers.RELP_VERSION + "\nrelp_software=logshield,0.1\ncommands=syslog";

    private static final byte[] OK = "200 OK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_DATA = new byte[0];

    private final WireFormats.RelpCommands commands;
    private final OutputStream out;
    private final EventIntake intake;
    private final Deadline deadline;
    private final long ackTimeoutNanos;
    private final long writeTimeoutNanos;
    private final DispatchTracker tracker = new DispatchTracker();
    private final ArrayDeque<PendingAnswer> pending = new ArrayDeque<>();
    private long queued;
    private boolean open;

    /**
     * @param out             buffered: answers are flushed in batches
     * @param ackTimeoutNanos how long to wait for the dispatcher before giving the session up
     */
    RelpServerSession(WireFormats.RelpCommands commands, ConnectionInput input, OutputStream out, EventIntake intake,
            Deadline deadline, long ackTimeoutNanos, long writeTimeoutNanos) {
        this.commands = commands;
        this.out = out;
        this.intake = intake;
        this.deadline = deadline;
        this.ackTimeoutNanos = ackTimeoutNanos;
        this.writeTimeoutNanos = writeTimeoutNanos;
        input.beforeBlocking(this::answerPending);
    }

    /**
     * Runs the session until the client closes it or the connection ends.
     *
     * @throws FramingLostException when the client breaks the protocol (the session is over)
     */
    void run() throws IOException {
        RelpFrame frame;
        while ((frame = commands.next()) != null) {
            switch (frame.command()) {
                case "open":
                    if (open) {
                        refuse(frame, "500 session already open");
                    }
                    checkOffers(frame);
                    open = true;
                    answer(frame.txnr(), ("200 OK\n" + OFFERS).getBytes(StandardCharsets.US_ASCII));
                    break;
                case "syslog":
                    if (!open) {
                        refuse(frame, "500 no open command yet");
                    }
                    if (intake.accept(frame.data(), tracker)) {
                        queued++;
                    }
                    answer(frame.txnr(), OK);
                    break;
                case "close":
                    answer(frame.txnr(), NO_DATA);
                    answerPending();
                    return;
                default:
                    intake.dropped(DropReason.RELP_PROTOCOL, "unsupported RELP command '" + frame.command() + "'");
                    answer(frame.txnr(), ("500 command " + frame.command() + " not supported")
                            .getBytes(StandardCharsets.US_ASCII));
                    break;
            }
        }
    }

    private void checkOffers(RelpFrame frame) throws IOException {
        Map<String, List<String>> offers = RelpOffers.parse(frame.dataAsString());
        List<String> version = offers.get("relp_version");
        if (version == null || !version.contains(Integer.toString(RelpOffers.RELP_VERSION))) {
            refuse(frame, "500 relp_version " + RelpOffers.RELP_VERSION + " required");
        }
        List<String> offered = offers.get("commands");
        if (offered != null && !offered.contains("syslog")) {
            refuse(frame, "500 this server accepts only the syslog command");
        }
    }

    /** Answers after everything queued before, then ends the session as a protocol error. */
    private void refuse(RelpFrame frame, String status) throws IOException {
        answer(frame.txnr(), status.getBytes(StandardCharsets.US_ASCII));
        answerPending();
        throw new FramingLostException(DropReason.RELP_PROTOCOL, status.substring(4) + " (txnr " + frame.txnr()
                + ", command " + frame.command() + ")");
    }

    private void answer(int txnr, byte[] data) {
        pending.addLast(new PendingAnswer(txnr, data));
    }

    /** Waits until every queued event is dispatched, then writes and flushes every pending answer. */
    private void answerPending() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        try {
            if (!tracker.awaitDispatched(queued, ackTimeoutNanos)) {
                throw new AckTimeout();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReceiverStoppingException();
        }
        deadline.arm(System.nanoTime() + writeTimeoutNanos, ClientConnection.WRITE_TIMEOUT);
        try {
            while (!pending.isEmpty()) {
                PendingAnswer answer = pending.pollFirst();
                new RelpFrame(answer.txnr, "rsp", answer.data).writeTo(out);
            }
            out.flush();
        } finally {
            deadline.disarm();
        }
    }

    private static final class PendingAnswer {
        final int txnr;
        final byte[] data;

        PendingAnswer(int txnr, byte[] data) {
            this.txnr = txnr;
            this.data = data;
        }
    }

    /** The dispatcher did not hand this session's events over in time: the session is given up unacknowledged. */
    static final class AckTimeout extends IOException {
        private static final long serialVersionUID = 1L;

        AckTimeout() {
            super("the events of this RELP session were not dispatched in time to acknowledge them");
        }
    }
}
