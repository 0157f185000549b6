package dev.logshield.tls.receiver;

import static dev.logshield.tls.receiver.HostileClients.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thousand connections at once, from many loopback addresses, against a receiver with the default limits while the
 * legitimate client logs on: the excess is refused at accept time and counted by reason, the receiver never runs
 * more than one thread per allowed connection plus its three own, its heap in use stays within what the limits allow
 * (maxConnections &times; (maxFrameSize + {@value #CONNECTION_BYTES} bytes of TLS and reading state)) even when every
 * connection holds a maximum-size partial frame, and it is all given back once the attackers leave. (Events waiting
 * for the appenders are bounded apart, by {@code <queueMaxBytes>}; here the dispatcher keeps up and the queue stays
 * empty.) The authenticated attackers run in a JVM of their own, {@link PartialFrameAttackers}, so that the heap
 * measured is the receiver's.
 */
@Tag("slow")
class ConnectionFloodsStayBoundedTest {

    private static final String NAME = "ConnectionFloodsStayBoundedTest";
    private static final TestPki PKI = SharedPki.get();
    private static final int ATTACKERS = 1_000;
    private static final int MAX_CONNECTIONS = 512;
    private static final int MAX_HANDSHAKES_PER_ADDRESS = 8;
    private static final int MAX_CONNECTIONS_PER_CLIENT = 16;
    private static final int MAX_FRAME_SIZE = 128 * 1024;
    /** The receiver's own threads: acceptor, dispatcher, watchdog. */
    private static final int OWN_THREADS = 3;
    /**
     * What one connection may hold besides its frame: the TLS socket's buffers for a whole record as it came and as
     * application data (16 KiB and more each, once the client has sent full records), its session with the client's
     * certificate, the 8 KiB read buffer, the thread's and the reader's objects. About 60 KB measured on JDK 17.
     */
    private static final long CONNECTION_BYTES = 96 * 1024;
    /** What may be left once the attackers are gone: TLS sessions the JDK caches, meters, a status or two. */
    private static final long LEFT_OVER_BYTES = 8L * 1024 * 1024;

    @RegisterExtension
    static final ReceiverUnderAttack receiver = ReceiverUnderAttack.configuredBy(NAME, PKI);

    @Test
    void aThousandStalledHandshakesGetNoMoreThanMaxConnectionsThreads() throws Exception {
        ReceiverUnderAttack.Attack attack = receiver.attack("1000 connections from 100 addresses, no handshake");
        long before = HeapInUse.afterGc();
        List<Socket> sockets = new ArrayList<>();
        long during;
        int peakThreads;
        int peakOpen;
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
            peakThreads = receiver.receiverThreads();
            peakOpen = receiver.openConnections();
            during = HeapInUse.afterGc() - before;
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        long closedAt = System.nanoTime();
        long[] expected = refusalsInOrder();
        long refusedHandshakes = attack.rejected("too-many-handshakes", expected[0]);
        long refusedConnections = attack.rejected("too-many-connections", expected[1]);
        System.out.printf("[hostile] 1000 stalled connections: all connected in %d ms; %d open, %d receiver threads;"
                + " refused at accept: %d too-many-handshakes, %d too-many-connections; heap in use grew by %s%n",
                (closedAt - attack.start()) / 1_000_000, peakOpen, peakThreads, refusedHandshakes, refusedConnections,
                HeapInUse.mib(during));
        assertThat(peakOpen).as("connections open, the legitimate one included").isEqualTo(MAX_CONNECTIONS);
        assertThat(peakThreads).as("receiver threads").isEqualTo(MAX_CONNECTIONS + OWN_THREADS);
        assertThat(new long[] {refusedHandshakes, refusedConnections}).as("refused for their address's handshakes,"
                + " for the connection limit").containsExactly(expected);
        assertThat(attack.rejected("handshake-failed", MAX_CONNECTIONS - 1)).as("admitted ones, ended by their client")
                .isEqualTo(MAX_CONNECTIONS - 1);
        assertThat(during).as("heap growth for %d handshaking connections", MAX_CONNECTIONS - 1)
                .isLessThan(MAX_CONNECTIONS * CONNECTION_BYTES);
        attack.survived();
        System.out.printf("[hostile] 1000 stalled connections: back to %d receiver threads %d ms after they closed%n",
                receiver.receiverThreads(), (System.nanoTime() - closedAt) / 1_000_000);
    }

    @Test
    void aThousandConnectionsHoldingMaximumPartialFramesStayWithinTheMemoryBound() throws Exception {
        ReceiverUnderAttack.Attack attack = receiver.attack("1000 connections, each with a maximum-size partial frame");
        List<TestIdentity> identities = new ArrayList<>();
        for (int i = 0; i < MAX_CONNECTIONS / MAX_CONNECTIONS_PER_CLIENT; i++) {
            identities.add(receiver.hostile(i));
        }
        int admitted = MAX_CONNECTIONS - 1;
        long bound = MAX_CONNECTIONS * (MAX_FRAME_SIZE + CONNECTION_BYTES);
        long before = HeapInUse.afterGc();
        long closedAt;
        try (PartialFrameAttackers attackers = PartialFrameAttackers.start(PKI, identities, receiver.port())) {
            assertThat(attackers.connect(admitted)).as("handshakes completed").isEqualTo(admitted);
            long idle = HeapInUse.afterGc() - before;
            assertThat(attackers.connect(ATTACKERS - admitted)).as("handshakes completed over the limit").isZero();
            long sent = attackers.sendPartialFrames(MAX_FRAME_SIZE);
            while (attack.bytesRead() < sent && System.nanoTime() - attack.start() < 60_000_000_000L) {
                SteadyClient.pause();
            }
            long during = HeapInUse.afterGc() - before;
            int threads = receiver.receiverThreads();
            int open = receiver.openConnections();
            System.out.printf("[hostile] 1000 connections with partial frames: %d admitted, %d refused; receiver heap"
                    + " in use grew by %s with them idle (%d bytes each), by %s with a %d KiB partial frame each (%s"
                    + " of frames sent); bound %s = %d x (%d KiB + %d KiB); %d open, %d receiver threads%n", admitted,
                    ATTACKERS - admitted, HeapInUse.mib(idle), idle / admitted, HeapInUse.mib(during),
                    MAX_FRAME_SIZE / 1024, HeapInUse.mib(sent), HeapInUse.mib(bound), MAX_CONNECTIONS,
                    MAX_FRAME_SIZE / 1024, CONNECTION_BYTES / 1024, open, threads);
            assertThat(attack.rejected("too-many-connections", ATTACKERS - admitted)).isEqualTo(ATTACKERS - admitted);
            assertThat(open).as("all still open while measured").isEqualTo(MAX_CONNECTIONS);
            assertThat(threads).as("receiver threads").isEqualTo(MAX_CONNECTIONS + OWN_THREADS);
            assertThat(during).as("heap growth, frames held").isGreaterThan((long) admitted * MAX_FRAME_SIZE)
                    .isLessThanOrEqualTo(bound);
            closedAt = System.nanoTime();
        }
        assertThat(attack.dropped("truncated", admitted)).as("partial frames cut by their client").isEqualTo(admitted);
        attack.survived();
        long after = HeapInUse.afterGc() - before;
        System.out.printf("[hostile] 1000 connections with partial frames: back to %d receiver threads %d ms after they"
                + " closed; heap in use %s over the start%n", receiver.receiverThreads(),
                (System.nanoTime() - closedAt) / 1_000_000, HeapInUse.mib(after));
        assertThat(after).as("heap left over").isLessThan(LEFT_OVER_BYTES);
    }

    /** Waits until the receiver has admitted or refused {@code connections} of the attack. */
    private static void awaitAccounted(ReceiverUnderAttack.Attack attack, int connections) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (receiver.openConnections() - 1 + attack.rejected("too-many-handshakes", 0)
                + attack.rejected("too-many-connections", 0) < connections && System.nanoTime() - deadline < 0) {
            SteadyClient.pause();
        }
    }

    /**
     * The refusals the documented rules give for the stalled flood, connections arriving in order, ten per address,
     * the legitimate one already open: {too-many-handshakes, too-many-connections}. The connection limit is checked
     * first.
     */
    private static long[] refusalsInOrder() {
        int open = 1;
        int[] handshaking = new int[ATTACKERS / 10];
        long[] refused = new long[2];
        for (int i = 0; i < ATTACKERS; i++) {
            if (open >= MAX_CONNECTIONS) {
                refused[1]++;
            } else if (handshaking[i / 10] >= MAX_HANDSHAKES_PER_ADDRESS) {
                refused[0]++;
            } else {
                handshaking[i / 10]++;
                open++;
            }
        }
        return refused;
    }
}
