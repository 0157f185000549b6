package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Handshakes under way are counted per source network, an IPv4 address or an IPv6 /64 (an IPv4-mapped IPv6 address
 * as its IPv4 address), and in all: 64 addresses of one /64 get the {@code <maxHandshakesPerAddress>} of one
 * network, not 64 times it; and once {@code <maxHandshakes>} are under way, a new connection displaces the oldest
 * (its connection closed, counted as {@code handshake-displaced}) and is never refused for the global bound, so
 * stalled handshakes from many networks cannot lock a client out. By default that bound is a quarter of
 * {@code <maxConnections>}, at least 8 but fewer than {@code <maxConnections>}. Counted directly on {@link HandshakeSlots}: this
 * machine has one IPv6 loopback address, so the receiver tests connect from IPv4 loopback addresses.
 */
class HandshakesAreCountedPerNetworkTest {

    @Test
    void ipv6CountsPerSlash64AndIpv4PerAddress() throws Exception {
        assertThat(SourceNetwork.of(InetAddress.getByName("2001:db8:0:1::1")))
                .isEqualTo(SourceNetwork.of(InetAddress.getByName("2001:db8:0:1:ffff:ffff:ffff:fffe")))
                .isEqualTo("2001:db8:0:1:0:0:0:0/64");
        assertThat(SourceNetwork.of(InetAddress.getByName("2001:db8:0:2::1"))).isEqualTo("2001:db8:0:2:0:0:0:0/64");
        assertThat(SourceNetwork.of(InetAddress.getByName("::1"))).isEqualTo("0:0:0:0:0:0:0:0/64");
        assertThat(SourceNetwork.of(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(SourceNetwork.of(InetAddress.getByName("192.0.2.8"))).isEqualTo("192.0.2.8");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 7};
        assertThat(SourceNetwork.of(Inet6Address.getByAddress(null, mapped, -1))).as("IPv4-mapped, as Inet6Address")
                .isEqualTo("192.0.2.7");
        assertThat(SourceNetwork.of(InetAddress.getByAddress(mapped))).as("IPv4-mapped, as the JDK parses it")
                .isEqualTo("192.0.2.7");
        assertThat(SourceNetwork.of(InetAddress.getByName("::ffff:192.0.2.7"))).isEqualTo("192.0.2.7");
    }

    @Test
    void sixtyFourAddressesOfOneSlash64ShareOneNetworksSlots() throws Exception {
        HandshakeSlots slots = new HandshakeSlots(128, 8);
        int claimed = 0;
        for (int host = 1; host <= 64; host++) {
            for (int i = 0; i < 8; i++) {
                if (slots.claim(InetAddress.getByName("2001:db8:0:1::" + Integer.toHexString(host)), unconnected()) != null) {
                    claimed++;
                }
            }
        }
        assertThat(claimed).as("handshakes admitted from 64 addresses of 2001:db8:0:1::/64").isEqualTo(8);
        assertThat(slots.claim(InetAddress.getByName("2001:db8:0:2::1"), unconnected())).as("another /64").isNotNull();
        assertThat(slots.claim(InetAddress.getByName("::ffff:192.0.2.7"), unconnected())).isNotNull();
        assertThat(slots.claim(InetAddress.getByName("192.0.2.8"), unconnected())).as("another IPv4 address").isNotNull();
        assertThat(slots.networks()).isEqualTo(4);
    }

    @Test
    void aFullPoolDisplacesItsOldestHandshakeInsteadOfRefusing() throws Exception {
        HandshakeSlots slots = new HandshakeSlots(4, 2);
        List<Deadline> stalled = new ArrayList<>();
        List<HandshakeSlots.Slot> claims = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            Deadline connection = unconnected();
            stalled.add(connection);
            claims.add(slots.claim(InetAddress.getByName("192.0.2." + (1 + (i - 1) / 2)), connection));
        }
        assertThat(claims).as("none refused: 2 per address").doesNotContainNull();
        assertThat(slots.underWay()).isEqualTo(4);
        assertThat(stalled.subList(0, 12)).as("the 12 oldest closed")
                .allSatisfy(d -> assertThat(d.expired()).isEqualTo(HandshakeFailures.DISPLACED));
        assertThat(stalled.subList(12, 16)).as("the 4 newest under way").allSatisfy(d -> assertThat(d.expired()).isNull());
        Deadline client = unconnected();
        HandshakeSlots.Slot clientSlot = slots.claim(InetAddress.getByName("127.0.0.1"), client);
        assertThat(clientSlot).as("a client's handshake").isNotNull();
        assertThat(stalled.get(12).expired()).isEqualTo(HandshakeFailures.DISPLACED);
        claims.get(0).release();
        assertThat(slots.underWay()).as("a displaced slot released again changes nothing").isEqualTo(4);
        assertThat(slots.claim(InetAddress.getByName("192.0.2.1"), unconnected())).as("its network's count was given back")
                .isNotNull();
        clientSlot.release();
        clientSlot.release();
        assertThat(slots.underWay()).isEqualTo(3);
        claims.subList(13, 16).forEach(HandshakeSlots.Slot::release);
        assertThat(slots.underWay()).isEqualTo(1);
        assertThat(slots.networks()).isEqualTo(1);
    }

    @Test
    void theDefaultBoundLeavesRoomForAuthenticatedClientsAndForAFewHandshakesAtOnce() {
        assertThat(ReceiverOptions.defaultMaxHandshakes(512)).as("a quarter").isEqualTo(128);
        assertThat(ReceiverOptions.defaultMaxHandshakes(16)).as("at least 8").isEqualTo(8);
        assertThat(ReceiverOptions.defaultMaxHandshakes(4)).as("fewer than maxConnections").isEqualTo(3);
        assertThat(ReceiverOptions.defaultMaxHandshakes(1)).isEqualTo(1);
    }

    /** A connection's deadline on a socket never connected: ending it closes nothing that matters. */
    private static Deadline unconnected() {
        return new Deadline(new Socket());
    }
}
