package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.delivery.DiskSpool;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.Waits;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spool is read as fast as the collector takes it, never with a wait for new events in between: the sender used to
 * wait 50 ms on the empty memory buffer before every read of the spool, which capped spool delivery far below the
 * collector's rate. Shown without timing anything: 200,000 events a previous run left in the spool are delivered to a
 * collector while the application logs nothing, the sender thread is sampled meanwhile, and no sample finds it
 * waiting on the memory buffer while the spool still holds more than a batch. Every event arrives once, in order,
 * and the spool ends empty.
 */
class SpoolIsReadWithoutIdleWaitsTest {

    private static final int EVENTS = 200_000;
    /** More than the sender takes from the spool at a time: above it, the spool had events left to read. */
    private static final double MORE_THAN_A_BATCH = 1_024;

    private final TestPki pki = SharedPki.get();

    @TempDir
    Path dir;

    @Test
    void theSenderNeverWaitsForNewEventsWhileTheSpoolHoldsSome() throws Exception {
        Path spoolDirectory = dir.resolve("spool");
        DiskSpool earlierRun = new DiskSpool(spoolDirectory, 1L << 30, 4L << 20);
        for (int i = 0; i < EVENTS; i++) {
            earlierRun.append(("<14>1 - host app - - - spooled " + i).getBytes(StandardCharsets.UTF_8));
        }
        earlierRun.close();

        try (TlsTestServer server = TlsTestServer.builder(pki).start(); TestMeters meters = TestMeters.register()) {
            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "127.0.0.1:" + server.port(), "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "spoolDirectory", spoolDirectory.toString(), "registry", meters.name()));
            Thread sender = senderThread();
            int samplesWithWork = 0;
            int waitingWithWork = 0;
            long deadline = System.nanoTime() + Waits.generous(Duration.ofSeconds(60)).toNanos();
            while (meters.count("logshield.tls.delivered") < EVENTS && System.nanoTime() < deadline) {
                Thread.State state = sender.getState();
                boolean waiting = (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                        && inMemoryBufferWait(sender.getStackTrace());
                // read after the sample: the application logs nothing, so the spool only shrinks meanwhile
                if (meters.gauge("logshield.tls.spool.events") > MORE_THAN_A_BATCH) {
                    samplesWithWork++;
                    if (waiting) {
                        waitingWithWork++;
                    }
                }
                LockSupport.parkNanos(200_000);
            }
            assertThat(meters.count("logshield.tls.delivered")).isEqualTo(EVENTS);
            System.out.printf("spool of %,d events delivered with the application idle: %d samples of the sender while"
                    + " the spool held events, %d of them waiting for new events%n", EVENTS, samplesWithWork,
                    waitingWithWork);
            assertThat(samplesWithWork).as("samples taken while the spool was being read").isPositive();
            assertThat(waitingWithWork).as("samples waiting on the memory buffer with the spool not empty").isZero();

            server.awaitReceived("spooled " + (EVENTS - 1), Duration.ofSeconds(30));
            assertThat(spooledNumbers(server.received())).as("every event once, in order")
                    .isEqualTo(IntStream.range(0, EVENTS).boxed().toList());
            context.stop();
            assertThat(meters.gauge("logshield.tls.spool.events")).isZero();
            assertThat(XmlConfiguredContext.statuses(context, 0)).anySatisfy(s -> assertThat(s).contains(
                    EVENTS + " event(s) left in the spool by an earlier run are delivered first"));
        }
        assertThat(new DiskSpool(spoolDirectory, 1L << 30, 4L << 20).events()).as("left for a next start").isZero();
    }

    /** The numbers of the events in octet-counted frames ({@code <length> <message>}), in arrival order. */
    private static List<Integer> spooledNumbers(byte[] received) {
        List<Integer> numbers = new ArrayList<>();
        int at = 0;
        while (at < received.length) {
            int space = at;
            while (received[space] != ' ') {
                space++;
            }
            int length = Integer.parseInt(new String(received, at, space - at, StandardCharsets.US_ASCII));
            String message = new String(received, space + 1, length, StandardCharsets.UTF_8);
            numbers.add(Integer.parseInt(message.substring(message.lastIndexOf(' ') + 1)));
            at = space + 1 + length;
        }
        return numbers;
    }

    private static Thread senderThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("logshield-mtls-SHIP"))
                .findFirst().orElseThrow(() -> new AssertionError("no sender thread"));
    }

    private static boolean inMemoryBufferWait(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().endsWith(".DeliveryQueue") && frame.getMethodName().equals("drain")) {
                return true;
            }
        }
        return false;
    }
}
