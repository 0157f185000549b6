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
 * {@code <maxFrameSize>} (its {@code frames.buffered.bytes} gauge, read mid-frame; the heap in use is printed for
 * information), cuts every frame at the 10 s {@code <frameTimeout>}, counts each outcome by reason, and keeps serving:
 * see {@link ReceiverUnderAttack.Attack#survived()}. The times allow for a busy machine: a cut at the frame timeout
 * is never before it, a close "at once" is within half of it, and hangups are awaited for a minute.
 */
@Tag("slow")
class ReceiverSurvivesHostileSendersTest {

    private static final String NAME = "ReceiverSurvivesHostileSendersTest";
    private static final TestPki PKI = SharedPki.get();
    private static final long FRAME_TIMEOUT_MILLIS = 10_000;
    /** A close that the frame timeout did not cause comes at once: well within this, on any machine. */
    private static final long AT_ONCE_MILLIS = FRAME_TIMEOUT_MILLIS / 2;
    /** How long a hangup is awaited: only a connection no deadline ends stays open that long. */
    private static final Duration HANGUP_LIMIT = ReceiverUnderAttack.SETTLE;
    /** The default {@code <maxFrameSize>}: a line longer than that is held up to it, plus one byte (a CR). */
    private static final long MAX_FRAME_SIZE = 128 * 1024;
    /** Room for a legitimate event that happens to be in flight when the gauge is read. */
    private static final long LEGITIMATE_SLACK = 16 * 1024;
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
            Hangup hangup = Hangup.await(client.socket(), firstByte, HANGUP_LIMIT);
            assertClosedAtTheFrameTimeout(hangup);
            assertThat(HostileClients.writtenBefore(writes.get(), firstByte, hangup))
                    .as("bytes sent before the receiver hung up, one a second: the frame was not complete")
                    .isLessThan(frame.length);
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
            ReceiverContexts.received(receiver.context()).await("after a 100 MB frame"::equals, HANGUP_LIMIT);
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
            long buffered = receiver.framesBuffered();
            long during = HeapInUse.afterGc() - before;
            Hangup hangup = Hangup.await(client.socket(), firstByte, HANGUP_LIMIT);
            assertClosedAtTheFrameTimeout(hangup);
            System.out.printf("[hostile] 100 MB prefix, 50 MB sent: %d bytes held for partial frames mid-frame, heap"
                    + " in use grew by %s (for information); %s%n", buffered, HeapInUse.mib(during), hangup);
            assertThat(buffered).as("bytes held while the receiver skips a frame over maxFrameSize")
                    .isLessThan(LEGITIMATE_SLACK);
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
            ReceiverContexts.received(receiver.context()).await("after an 8 MB line"::equals, HANGUP_LIMIT);
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
            long buffered = receiver.framesBuffered();
            long read = attack.bytesRead() - bytesBefore;
            long during = HeapInUse.afterGc() - before;
            Hangup hangup = Hangup.await(client.socket(), firstByte, HANGUP_LIMIT);
            long sent = endless.get();
            assertClosedAtTheFrameTimeout(hangup);
            System.out.printf("[hostile] endless line: %d MB sent, %d MB read mid-line with %d bytes held for partial"
                    + " frames, heap in use grew by %s (for information); %s%n", sent / MB, read / MB, buffered,
                    HeapInUse.mib(during), hangup);
            assertThat(read).as("bytes of the endless line read mid-line").isGreaterThan(MAX_FRAME_SIZE);
            assertThat(buffered).as("bytes held mid-line: the line buffer at its cap, maxFrameSize + 1")
                    .isBetween(MAX_FRAME_SIZE + 1, MAX_FRAME_SIZE + 1 + LEGITIMATE_SLACK);
            assertThat(attack.bytesRead() - bytesBefore).as("bytes of the endless line read").isGreaterThan(8L * MB);
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
            Hangup hangup = Hangup.await(client.socket(), attack.start(), HANGUP_LIMIT);
            assertThat(hangup.closed()).as("%s", hangup).isTrue();
            assertThat(hangup.millis()).as("closed at once, long before the frame timeout: %s", hangup)
                    .isLessThan(AT_ONCE_MILLIS);
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

    /**
     * Writes {@code start}, then 'x' without end (64 KiB a millisecond at most: enough to be endless, not so much that
     * it takes the machine), until the receiver hangs up; returns the bytes written.
     */
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
                Thread.sleep(1);
            }
        } catch (IOException closed) {
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return written;
        }
    }

    /**
     * Closed, and not before the frame timeout; when after it depends on the machine, and is not asserted (the
     * {@code frame-timeout} count says what closed it).
     */
    private static void assertClosedAtTheFrameTimeout(Hangup hangup) {
        assertThat(hangup.closed()).as("%s", hangup).isTrue();
        assertThat(hangup.millis()).as("%s", hangup).isGreaterThanOrEqualTo(FRAME_TIMEOUT_MILLIS - 100);
    }
}
