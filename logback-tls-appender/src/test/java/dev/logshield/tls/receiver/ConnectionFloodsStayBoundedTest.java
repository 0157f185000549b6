package dev.logshield.tls.receiver;

import static dev.logshield.tls.receiver.HostileClients.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thousand connections at once, from many loopback addresses, against a receiver with the default limits while the
 * legitimate client logs on: stalled handshakes hold no more than {@code <maxHandshakes>} (a quarter of
 * {@code <maxConnections>}) slots, each newer one displacing the oldest, those over an address's
 * {@code <maxHandshakesPerAddress>} are refused at accept time, all counted by reason; the receiver never runs more
 * than one thread per allowed connection plus its three own, and even when every connection holds a
 * maximum-size partial frame the bytes it holds for them (its {@code frames.buffered.bytes} gauge) are one frame per
 * admitted connection, at most {@code maxConnections &times; (maxFrameSize + 1)}; all of it is given back once the
 * attackers leave. (Events waiting for the appenders are bounded apart, by {@code <queueMaxBytes>}; here the
 * dispatcher keeps up and the queue stays empty.) The figures are exact counts, not heap measurements, so they hold
 * on a busy machine whenever its collector runs; the heap in use is printed for information. The authenticated
 * attackers run in a JVM of their own, {@link PartialFrameAttackers}, so that the heap printed is the receiver's.
 */
@Tag("slow")
class ConnectionFloodsStayBoundedTest {

    private static final String NAME = "ConnectionFloodsStayBoundedTest";
    private static final TestPki PKI = SharedPki.get();
    private static final int ATTACKERS = 1_000;
    private static final int MAX_CONNECTIONS = 512;
    private static final int MAX_HANDSHAKES = MAX_CONNECTIONS / 4;
    private static final int MAX_HANDSHAKES_PER_ADDRESS = 8;
    private static final int MAX_CONNECTIONS_PER_CLIENT = 16;
    private static final int MAX_FRAME_SIZE = 128 * 1024;
    /** The receiver's own threads: acceptor, dispatcher, watchdog. */
    private static final int OWN_THREADS = 3;

    @RegisterExtension
    static final ReceiverUnderAttack receiver = ReceiverUnderAttack.configuredBy(NAME, PKI);

    @Test
    void aThousandStalledHandshakesHoldNoMoreThanMaxHandshakesSlots() throws Exception {
        ReceiverUnderAttack.Attack attack = receiver.attack("1000 connections from 100 addresses, no handshake");
        long before = HeapInUse.afterGc();
        List<Socket> sockets = new ArrayList<>();
        long[] expected = outcomesInOrder();
        long during;
        int peakThreads;
        int peakOpen;
        long buffered;
        long refusedHandshakes;
        long displaced;
        try {
            for (int i = 0; i < ATTACKERS; i++) {
                try {
                    sockets.add(HostileClients.tcp(loopback(1, 0, 1 + i / 10), receiver.port()));
                } catch (SocketException refusedAtOnce) {
                    // the receiver's reset of a refused connection can reach the client before its connect returns
                }
                if (i % 64 == 63 || i == ATTACKERS - 1) {
                    // a flood faster than one acceptor overflows the listen backlog; the kernel then drops SYNs for
                    // a second: let the acceptor take each batch, so that all thousand are there within seconds
                    awaitAccounted(attack, i + 1);
                }
            }
            refusedHandshakes = attack.rejected("too-many-handshakes", expected[0]);
            displaced = attack.rejected(HandshakeFailures.DISPLACED, expected[1]);
            // the displaced connections' threads end as they count themselves: wait for the last ones
            long deadline = System.nanoTime() + ReceiverUnderAttack.SETTLE.toNanos();
            while ((receiver.openConnections() > 1 + expected[2] || receiver.receiverThreads() > 1 + expected[2]
                    + OWN_THREADS) && System.nanoTime() - deadline < 0) {
                SteadyClient.pause();
            }
            peakThreads = receiver.receiverThreads();
            peakOpen = receiver.openConnections();
            buffered = receiver.framesBuffered();
            during = HeapInUse.afterGc() - before;
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        long closedAt = System.nanoTime();
        System.out.printf("[hostile] 1000 stalled connections: all connected in %d ms; %d open, %d receiver threads;"
                + " refused at accept: %d too-many-handshakes, %d too-many-connections; %d displaced by newer ones;"
                + " %d bytes held for partial frames; heap in use grew by %s (for information)%n",
                (closedAt - attack.start()) / 1_000_000, peakOpen, peakThreads, refusedHandshakes,
                attack.rejected("too-many-connections", 0), displaced, buffered, HeapInUse.mib(during));
        assertThat(peakOpen).as("connections open: the legitimate one and maxHandshakes stalled").isEqualTo(
                1 + MAX_HANDSHAKES);
        assertThat(peakThreads).as("receiver threads").isEqualTo(1 + MAX_HANDSHAKES + OWN_THREADS);
        assertThat(new long[] {refusedHandshakes, displaced, attack.rejected("too-many-connections", 0)})
                .as("refused for their address's handshakes, displaced by newer ones, refused for the connection limit")
                .containsExactly(expected[0], expected[1], 0);
        assertThat(attack.rejected("handshake-failed", MAX_HANDSHAKES)).as("the ones under way, ended by their client")
                .isEqualTo(MAX_HANDSHAKES);
        assertThat(buffered).as("bytes held for partial frames by connections that never sent one").isZero();
        attack.survived();
        System.out.printf("[hostile] 1000 stalled connections: back to %d receiver threads %d ms after they closed%n",
                receiver.receiverThreads(), (System.nanoTime() - closedAt) / 1_000_000);
    }

    /**
     * Every admitted connection holds a maximum-size partial frame (half of them octet-counted, announcing
     * {@code maxFrameSize} and sending all but its last byte; half an unended line of {@code maxFrameSize + 1}
     * bytes): the receiver holds exactly one frame buffer for each, never more than the limits allow, and gives them
     * all back when the attackers leave. A reader that held a frame twice, kept the bytes of an oversize line, or
     * forgot a frame whose connection ended, moves the gauge past one of these bounds.
     */
    @Test
    void aThousandConnectionsHoldingMaximumPartialFramesStayWithinTheMemoryBound() throws Exception {
        ReceiverUnderAttack.Attack attack = receiver.attack("1000 connections, each with a maximum-size partial frame");
        List<TestIdentity> identities = new ArrayList<>();
        for (int i = 0; i < MAX_CONNECTIONS / MAX_CONNECTIONS_PER_CLIENT; i++) {
            identities.add(receiver.hostile(i));
        }
        int admitted = MAX_CONNECTIONS - 1;
        long held = (long) admitted * MAX_FRAME_SIZE;
        long bound = (long) MAX_CONNECTIONS * (MAX_FRAME_SIZE + 1);
        long before = HeapInUse.afterGc();
        long closedAt;
        try (PartialFrameAttackers attackers = PartialFrameAttackers.start(PKI, identities, receiver.port())) {
            assertThat(attackers.connect(admitted)).as("handshakes completed").isEqualTo(admitted);
            assertThat(attackers.connect(ATTACKERS - admitted)).as("handshakes completed over the limit").isZero();
            long idle = receiver.framesBuffered();
            long sent = attackers.sendPartialFrames(MAX_FRAME_SIZE);
            long deadline = System.nanoTime() + ReceiverUnderAttack.SETTLE.toNanos();
            while ((attack.bytesRead() < sent || receiver.framesBuffered() < held) && System.nanoTime() < deadline) {
                SteadyClient.pause();
            }
            long buffered = receiver.framesBuffered();
            long during = HeapInUse.afterGc() - before;
            int threads = receiver.receiverThreads();
            int open = receiver.openConnections();
            System.out.printf("[hostile] 1000 connections with partial frames: %d admitted, %d refused; %d bytes held"
                    + " for partial frames idle, %d (%.1f MiB) with a %d KiB partial frame each, bound %d = %d x (%d"
                    + " KiB + 1); %s of frames sent, %d read; heap in use grew by %s (for information); %d open, %d"
                    + " receiver threads%n", admitted, ATTACKERS - admitted, idle, buffered, buffered / 1048576.0,
                    MAX_FRAME_SIZE / 1024, bound, MAX_CONNECTIONS, MAX_FRAME_SIZE / 1024, HeapInUse.mib(sent),
                    attack.bytesRead(), HeapInUse.mib(during), open, threads);
            assertThat(attack.rejected("too-many-connections", ATTACKERS - admitted)).isEqualTo(ATTACKERS - admitted);
            assertThat(open).as("all still open while measured").isEqualTo(MAX_CONNECTIONS);
            assertThat(threads).as("receiver threads").isEqualTo(MAX_CONNECTIONS + OWN_THREADS);
            assertThat(idle).as("bytes held for partial frames before any was sent").isZero();
            assertThat(attack.bytesRead()).as("bytes of the partial frames read").isGreaterThanOrEqualTo(sent);
            assertThat(buffered).as("bytes held for partial frames: one maximum frame per admitted connection, within"
                    + " maxConnections x (maxFrameSize + 1)").isGreaterThanOrEqualTo(held).isLessThanOrEqualTo(bound);
            closedAt = System.nanoTime();
        }
        assertThat(attack.dropped("truncated", admitted)).as("partial frames cut by their client").isEqualTo(admitted);
        attack.survived();
        long after = HeapInUse.afterGc() - before;
        System.out.printf("[hostile] 1000 connections with partial frames: back to %d receiver threads and %d bytes"
                + " held %d ms after they closed; heap in use %s over the start (for information)%n",
                receiver.receiverThreads(), receiver.framesBuffered(), (System.nanoTime() - closedAt) / 1_000_000,
                HeapInUse.mib(after));
        assertThat(receiver.framesBuffered()).as("bytes held for partial frames once the attackers left").isZero();
    }

    /** Waits until the receiver has taken {@code connections} of the attack: under way, displaced or refused. */
    private static void awaitAccounted(ReceiverUnderAttack.Attack attack, int connections) {
        long deadline = System.nanoTime() + ReceiverUnderAttack.SETTLE.toNanos();
        while (receiver.handshaking() + attack.rejected("too-many-handshakes", 0) + attack.rejected("too-many-connections", 0)
                + attack.rejected(HandshakeFailures.DISPLACED, 0) < connections && System.nanoTime() - deadline < 0) {
            SteadyClient.pause();
        }
    }

    /**
     * What the documented rules make of the stalled flood, connections arriving in order, ten per address, the
     * legitimate one already open (and never near {@code maxConnections}): {too-many-handshakes, displaced, still
     * under way}. A connection over its address's {@code maxHandshakesPerAddress} is refused; any other displaces
     * the oldest handshake under way when {@code maxHandshakes} are.
     */
    private static long[] outcomesInOrder() {
        int[] handshaking = new int[ATTACKERS / 10];
        Deque<Integer> underWay = new ArrayDeque<>();
        long refused = 0;
        long displaced = 0;
        for (int i = 0; i < ATTACKERS; i++) {
            int address = i / 10;
            if (handshaking[address] >= MAX_HANDSHAKES_PER_ADDRESS) {
                refused++;
                continue;
            }
            if (underWay.size() >= MAX_HANDSHAKES) {
                handshaking[underWay.removeFirst()]--;
                displaced++;
            }
            underWay.addLast(address);
            handshaking[address]++;
        }
        return new long[] {refused, displaced, underWay.size()};
    }
}
