package dev.logshield.tls.receiver;

import static dev.logshield.tls.receiver.HostileClients.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that pass the handshake and the allow-list ({@code *.hostile.test}), each from a loopback address of its
 * own, then send what no frame reader should have to hold, while the legitimate client logs on from 127.0.0.1: a frame
 * at one byte a second, a 100 MB length prefix (its bytes sent whole, or half of them and then nothing), an overlong
 * line and an endless one, random bytes. The receiver reads them through its 8 KiB buffer without holding more than
 * {@code <maxFrameSize>} (the heap in use is measured mid-frame), cuts every frame at the 3 s {@code <frameTimeout>},
 * counts each outcome, and keeps serving: see {@link ReceiverUnderAttack.Attack#survived()}.
 */
@Tag("slow")
class ReceiverSurvivesHostileSendersTest {

    private static final String NAME = "ReceiverSurvivesHostileSendersTest";
    private static final TestPki PKI = SharedPki.get();
    private static final long FRAME_TIMEOUT_MILLIS = 3_000;
    private static final long AT_ONCE_MILLIS = 1_000;
    /** What the heap may grow by while a receiver skips a frame of tens of MB: a few frame buffers' worth. */
    private static final long SKIPPING_HEAP_BOUND = 4L * 1024 * 1024;
    private static final int MB = 1_000_000;

    @RegisterExtension
    static final ReceiverUnderAttack receiver = ReceiverUnderAttack.configuredBy(NAME, PKI);

    @Test
    void aFrameSentAByteASecondIsCutAtTheFrameTimeout() throws Exception {
        ReceiverUnderAttack.Attack attack = receiver.attack("1 byte per second after the handshake");
        try (RawTlsClient client = connect(1)) {
            byte[] frame = RawTlsClient.octetCounted("slow", "a byte a second").getBytes(StandardCharsets.US_ASCII);
            long firstByte = System.nanoTime();
            CompletableFuture<long[]> writes = CompletableFuture.supplyAsync(
                    () -> HostileClients.trickle(client.socket(), frame, 1_000));
            Hangup hangup = Hangup.await(client.socket(), firstByte, Duration.ofSeconds(8));
            assertClosedAtTheFrameTimeout(hangup);
            assertThat(HostileClients.writtenBefore(writes.get(), firstByte, hangup))
                    .as("bytes sent before the receiver hung up, one a second").isBetween(3L, 4L);
        }
        assertThat(attack.closed("frame-timeout", 1)).isEqualTo(1);
        assertThat(attack.dropped("truncated", 1)).isEqualTo(1);
        attack.survived();
    }

    @Test
    void aHundredMegabyteFrameIsSkippedAndTheConnectionGoesOn() throws Exception {
        ReceiverUnderAttack.Attack attack = receiver.attack("100 MB length prefix, 100 MB sent");
        try (RawTlsClient client = connect(2)) {
            client.write("100000000 ");
            writeFiller(client, (byte) 'x', 100 * MB);
            client.write(RawTlsClient.octetCounted("hostile", "after a 100 MB frame"));
            ReceiverContexts.received(receiver.context()).await("after a 100 MB frame"::equals, Duration.ofSeconds(10));
            assertThat(attack.dropped("oversize", 1)).isEqualTo(1);
            assertThat(attack.bytesRead()).as("bytes read through the 8 KiB buffer").isGreaterThan(100L * MB);
            assertThat(client.closedByServer(100)).as("closed by the receiver").isFalse();
        }
        assertThat(attack.closed("client-closed", 1)).as("closed by the attacker, when done").isEqualTo(1);
        attack.survived();
    }

    @Test
    void aHundredMegabyteFrameThatStallsHoldsNoMemoryAndIsCutAtTheFrameTimeout() throws Exception {
        ReceiverUnderAttack.Attack attack = receiver.attack("100 MB length prefix, 50 MB sent, then nothing");
        try (RawTlsClient client = connect(3)) {
            long before = HeapInUse.afterGc();
            long firstByte = System.nanoTime();
            client.write("100000000 ");
            writeFiller(client, (byte) 'x', 50 * MB);
            long during = HeapInUse.afterGc() - before;
            Hangup hangup = Hangup.await(client.socket(), firstByte, Duration.ofSeconds(8));
            assertClosedAtTheFrameTimeout(hangup);
            System.out.printf("[hostile] 100 MB prefix, 50 MB sent: heap in use grew by %s mid-frame; %s%n",
                    HeapInUse.mib(during), hangup);
            assertThat(during).as("heap growth while the receiver skips 50 MB").isLessThan(SKIPPING_HEAP_BOUND);
        }
        assertThat(attack.closed("frame-timeout", 1)).isEqualTo(1);
        assertThat(attack.dropped("truncated", 1)).isEqualTo(1);
        assertThat(attack.bytesRead()).isGreaterThan(50L * MB);
        attack.survived();
    }

    @Test
    void anOverlongLineIsDroppedOnceAndAnEndlessOneIsCutAtTheFrameTimeout() throws Exception {
        ReceiverUnderAttack.Attack attack = receiver.attack("8 MB line, then an endless line");
        try (RawTlsClient client = connect(4)) {
            client.write("<14>1 - host app - long - ");
            writeFiller(client, (byte) 'x', 8 * MB);
            client.write("\n<14>1 - host app - hostile - after an 8 MB line\n");
            ReceiverContexts.received(receiver.context()).await("after an 8 MB line"::equals, Duration.ofSeconds(10));
            assertThat(attack.dropped("oversize", 1)).as("the 8 MB line, dropped once").isEqualTo(1);

            long before = HeapInUse.afterGc();
            long bytesBefore = attack.bytesRead();
            long firstByte = System.nanoTime();
            CompletableFuture<Long> endless = CompletableFuture.supplyAsync(() -> writeUntilClosed(client,
                    "<14>1 - host app - endless - ".getBytes(StandardCharsets.US_ASCII)));
            long deadline = firstByte + FRAME_TIMEOUT_MILLIS * 1_000_000L / 2;
            while (attack.bytesRead() - bytesBefore < 8 * MB && System.nanoTime() - deadline < 0) {
                SteadyClient.pause();
            }
            long during = HeapInUse.afterGc() - before;
            Hangup hangup = Hangup.await(client.socket(), firstByte, Duration.ofSeconds(8));
            long sent = endless.get();
            assertClosedAtTheFrameTimeout(hangup);
            System.out.printf("[hostile] endless line: %d MB sent, heap in use grew by %s mid-line; %s%n", sent / MB,
                    HeapInUse.mib(during), hangup);
            assertThat(attack.bytesRead() - bytesBefore).as("bytes of the endless line read").isGreaterThan(8L * MB);
            assertThat(during).as("heap growth while the receiver discards an endless line").isLessThan(SKIPPING_HEAP_BOUND);
        }
        assertThat(attack.closed("frame-timeout", 1)).isEqualTo(1);
        assertThat(attack.dropped("truncated", 1)).as("the endless line").isEqualTo(1);
        assertThat(attack.changes("frames.dropped")).containsEntry("oversize", 1L);
        attack.survived();
    }

    @Test
    void randomBytesAfterTheHandshakeLoseTheFramingAndEndTheConnection() throws Exception {
        ReceiverUnderAttack.Attack attack = receiver.attack("random bytes after the handshake");
        try (RawTlsClient client = connect(5)) {
            try {
                client.write(HostileClients.randomBytes(25, MB));
            } catch (IOException closed) {
                // the receiver may hang up before it is all sent
            }
            Hangup hangup = Hangup.await(client.socket(), attack.start(), Duration.ofSeconds(5));
            assertThat(hangup.closed()).as("%s", hangup).isTrue();
            assertThat(hangup.millis()).as("%s", hangup).isLessThan(AT_ONCE_MILLIS);
        }
        assertThat(attack.closed("framing-lost", 1)).isEqualTo(1);
        assertThat(attack.dropped("bad-length", 1)).isEqualTo(1);
        // the random lines before it were dropped as the garbage they are; the frame that lost the framing once
        assertThat(attack.changes("frames.dropped")).doesNotContainKey("truncated");
        attack.survived();
    }

    /** Authenticated attacker {@code n}, from 127.0.0.{@code 20 + n}. */
    private static RawTlsClient connect(int n) throws Exception {
        return RawTlsClient.connect(PKI, receiver.hostile(n), receiver.port(), loopback(0, 0, 20 + n));
    }

    private static void writeFiller(RawTlsClient client, byte filler, int length) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, filler);
        OutputStream out = client.socket().getOutputStream();
        for (int left = length; left > 0; left -= chunk.length) {
            out.write(chunk, 0, Math.min(left, chunk.length));
        }
        out.flush();
    }

    /** Writes {@code start}, then 'x' without end, until the receiver hangs up; returns the bytes written. */
    private static long writeUntilClosed(RawTlsClient client, byte[] start) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long written = 0;
        try {
            OutputStream out = client.socket().getOutputStream();
            out.write(start);
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException closed) {
            return written;
        }
    }

    private static void assertClosedAtTheFrameTimeout(Hangup hangup) {
        assertThat(hangup.closed()).as("%s", hangup).isTrue();
        assertThat(hangup.millis()).as("%s", hangup).isBetween(FRAME_TIMEOUT_MILLIS - 100, FRAME_TIMEOUT_MILLIS + 1_000);
    }
}
