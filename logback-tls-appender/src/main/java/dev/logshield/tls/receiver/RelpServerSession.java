package dev.logshield.tls.receiver;

import dev.logshield.tls.framing.relp.RelpFrame;
import dev.logshield.tls.receiver.frames.DropReason;
import dev.logshield.tls.receiver.frames.FramingLostException;
import dev.logshield.tls.receiver.frames.RelpServerResponses;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

/**
 * The server's side of one RELP session: {@code open} is answered with the receiver's offers, each
 * {@code syslog} command becomes an event, {@code close} is answered and ends the connection (the answers come
 * from {@link RelpServerResponses}).
 *
 * <p>An acknowledgement ({@code rsp 200 OK}) means the event has been handed to the appenders: the session queues
 * events as long as the client's bytes are already there, and just before a read would block on the socket it
 * waits for the dispatcher to have handed over everything queued, then writes every pending acknowledgement in
 * transaction order and flushes. So a client that waits for acknowledgements before sending more (its window is
 * full) always gets them, the dispatcher never writes to a socket (a client that does not read cannot stall the
 * others), and acknowledgements are batched under load.
 *
 * <p>An event no started appender took (see {@link EventDispatcher}) is answered {@code 500}, not acknowledged:
 * RELP clients send it again.
 *
 * <p>A {@code syslog} command whose payload cannot be parsed is acknowledged {@code 200 OK} all the same, and
 * counted in {@code frames.dropped}: an error response would make RELP clients (rsyslog's omrelp, LogShield's own
 * appender) send the same bytes again forever. An {@code open} without {@code relp_version=0} and the
 * {@code syslog} command, a command before {@code open}, or a second {@code open}, is answered {@code 500} and ends
 * the session; an unknown command is answered {@code 500} and the session goes on.
 *
 * <p>When the receiver stops, the session reads no command after the one in hand: it waits for its queued events
 * to be dispatched, writes their acknowledgements and the {@code serverclose} hint, and ends, so the client resends
 * nothing the appenders already have. (A session blocked in a read has answered everything already; the receiver
 * closes it at once.)
 * Used by the connection's thread only.
 */
final class RelpServerSession {

    private final WireFormats.RelpCommands commands;
    private final OutputStream out;
    private final EventIntake intake;
    private final Deadline deadline;
    private final long ackTimeoutNanos;
    private final long writeTimeoutNanos;
    private final RelpServerResponses responses = new RelpServerResponses();
    private final DispatchTracker tracker = new DispatchTracker();
    private final BooleanSupplier stopping;
    private final ArrayDeque<Answer> pending = new ArrayDeque<>();
    private long queued;
    private boolean open;

    /**
     * @param out               buffered: answers are flushed in batches
     * @param ackTimeoutNanos   how long to wait for the dispatcher before giving the session up
     * @param writeTimeoutNanos how long writing the answers may take (a client that does not read)
     */
    RelpServerSession(WireFormats.RelpCommands commands, ConnectionInput input, OutputStream out, EventIntake intake,
            Deadline deadline, long ackTimeoutNanos, long writeTimeoutNanos, BooleanSupplier stopping) {
        this.commands = commands;
        this.out = out;
        this.intake = intake;
        this.deadline = deadline;
        this.ackTimeoutNanos = ackTimeoutNanos;
        this.writeTimeoutNanos = writeTimeoutNanos;
        this.stopping = stopping;
        input.beforeBlocking(this::answerPending);
    }

    /**
     * Runs the session until the client closes it, the receiver stops or the connection ends.
     *
     * @return true when the client ended the session, false when the stopping receiver did (after answering
     *         everything and sending {@code serverclose})
     * @throws FramingLostException when the client breaks the protocol (the session is over)
     */
    boolean run() throws IOException {
        while (true) {
            RelpFrame frame;
            try {
                frame = stopping.getAsBoolean() ? null : commands.next();
            } catch (ConnectionInput.StoppedBeforeRead e) {
                frame = null;
            }
            if (frame == null) {
                if (!stopping.getAsBoolean()) {
                    return true;
                }
                pending.addLast(new Answer(responses.serverClose(), 0, 0));
                answerPending();
                return false;
            }
            int txnr = frame.txnr();
            switch (frame.command()) {
                case "open":
                    if (open) {
                        refuse(frame, responses.error(txnr, "session already open"));
                    }
                    RelpFrame answer = responses.answerOpen(frame);
                    if (!isOk(answer)) {
                        refuse(frame, answer);
                    }
                    open = true;
                    pending.addLast(new Answer(answer, 0, 0));
                    break;
                case "syslog":
                    if (!open) {
                        refuse(frame, responses.error(txnr, "no open command yet"));
                    }
                    long event = 0;
                    if (intake.accept(frame.data(), tracker)) {
                        event = ++queued;
                    }
                    pending.addLast(new Answer(responses.ok(txnr), txnr, event));
                    break;
                case "close":
                    pending.addLast(new Answer(responses.closeAcknowledged(txnr), 0, 0));
                    answerPending();
                    return true;
                default:
                    intake.dropped(DropReason.RELP_PROTOCOL, "unsupported RELP command '" + frame.command() + "'");
                    RelpFrame unsupported = responses.error(txnr, "command " + frame.command() + " not supported");
                    pending.addLast(new Answer(unsupported, 0, 0));
                    break;
            }
        }
    }

    private static boolean isOk(RelpFrame answer) {
        return answer.dataAsString().startsWith("200 ");
    }

    /** Answers after everything queued before, then ends the session as a protocol error. */
    private void refuse(RelpFrame command, RelpFrame answer) throws IOException {
        pending.addLast(new Answer(answer, 0, 0));
        answerPending();
        throw new FramingLostException(DropReason.RELP_PROTOCOL, answer.dataAsString() + " (txnr " + command.txnr()
                + ", command " + command.command() + ")");
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
                Answer answer = pending.pollFirst();
                if (answer.event() > 0 && tracker.refused(answer.event())) {
                    responses.error(answer.txnr(), "no appender took the event; send it again").writeTo(out);
                } else {
                    answer.frame().writeTo(out);
                }
            }
            out.flush();
        } finally {
            deadline.disarm();
        }
    }

    /**
     * An answer waiting to be written: {@code frame}, unless it answers the {@code event}-th event queued (from 1;
     * 0 for none) and no appender took that event, which is refused instead.
     */
    private record Answer(RelpFrame frame, int txnr, long event) {
    }

    /** The dispatcher did not hand this session's events over in time: the session is given up unacknowledged. */
    static final class AckTimeout extends IOException {
        private static final long serialVersionUID = 1L;

        AckTimeout() {
            super("the events of this RELP session were not dispatched in time to acknowledge them");
        }
    }
}
