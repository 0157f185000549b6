package dev.logshield.benchmarks.tls;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.MDC;

/**
 * One appender under test, configured from logback.xml in its own {@link LoggerContext} and shipping to its own
 * {@link TlsSink}, with the proof that it is the one running, and per-iteration delivery accounting: what was
 * logged, what the sink received during the iteration, what never arrived once the appender had drained.
 * Used by one benchmark thread.
 */
final class TlsShipment {

    /** What one iteration delivered. {@code lost} is counted after the appender drained, so nothing is in flight. */
    record Delivery(long calls, long receivedInWindow, long lost, double seconds) {
    }

    private static final int WARM_UP_ROUNDS = 25;
    private static final int WARM_UP_BURST = 4_000;
    private static final String TEMPLATE = "GET {} returned {} in {} ms for tenant {}, cache={}, items={}, region={}";

    private final String name;
    private final String appenderClass;
    private final Object[] args = {"/api/v2/orders?page=2&size=50", 200, 12, "acme-eu", "hit", 50, "eu-west-1"};
    private final BenchPki pki;
    private final TlsSink sink;
    private final LoggerContext context;
    private final Logger logger;
    private long calls;
    private long callsAtStart;
    private long linesAtStart;
    private long startNanos;

    /**
     * Makes a PKI and a sink, configures the appender named {@code TLS} from {@code appenderXml(pki, port)}, and
     * proves it runs: started with no error status, its marker event received by the sink as a JSON line over
     * the only connection, TLSv1.3 with the benchmark client certificate. Then warms the whole path up.
     */
    TlsShipment(String name, String appenderClass, BiFunction<BenchPki, Integer, String> appenderXml)
            throws InterruptedException {
        this.name = name;
        this.appenderClass = appenderClass;
        pki = BenchPki.generate();
        sink = TlsSink.start(pki.serverContext());
        context = configure(appenderXml.apply(pki, sink.port()));
        logger = context.getLogger("com.example.shop.checkout.PaymentService");
        Appender<?> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("TLS");
        if (appender == null || !appender.getClass().getName().equals(appenderClass) || !appender.isStarted()) {
            throw new IllegalStateException(name + ": appender TLS is not a started " + appenderClass + ": " + appender
                    + "\n" + statuses());
        }
        requireNoErrors("starting");
        String marker = "tls-bench-marker-" + UUID.randomUUID();
        logger.info("{}", marker);
        if (!sink.awaitText(marker, 15_000)) {
            throw new IllegalStateException(name + ": the sink did not receive the marker event within 15 s; sink failures "
                    + sink.failures() + "\n" + statuses());
        }
        String line = sink.captured().lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        if (!line.startsWith("{\"@timestamp\"") || !line.contains("\"message\":\"" + marker + "\"")) {
            throw new IllegalStateException(name + ": the marker did not arrive as a LogstashEncoder JSON line: " + line);
        }
        List<TlsSink.Handshake> handshakes = sink.handshakes();
        if (handshakes.size() != 1 || !handshakes.get(0).protocol().equals("TLSv1.3")
                || !handshakes.get(0).client().equals("CN=" + BenchPki.CLIENT_CN) || !sink.failures().isEmpty()) {
            throw new IllegalStateException(name + ": expected one TLSv1.3 connection with the benchmark client"
                    + " certificate, got " + handshakes + ", failures " + sink.failures());
        }
        requireNoErrors("sending the marker");
        sink.stopCapturing();
        System.out.println(name + ": marker received over " + handshakes.get(0) + "; event: " + line);
        warmUp();
    }

    /** The call under test: a new event, formatted from a template and seven arguments. */
    void log() {
        calls++;
        logger.info(TEMPLATE, args);
    }

    /** Starts counting, once what earlier iterations left in flight has been delivered. */
    void startIteration() throws InterruptedException {
        sink.awaitQuiet(200, 30_000);
        callsAtStart = calls;
        linesAtStart = sink.lines();
        startNanos = System.nanoTime();
    }

    /** Counts what the sink received during the iteration, then lets the appender drain and counts the losses. */
    Delivery endIteration(boolean failOnLoss) throws InterruptedException {
        long inWindow = sink.lines() - linesAtStart;
        long made = calls - callsAtStart;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long delivered = sink.awaitQuiet(200, 30_000) - linesAtStart;
        Delivery delivery = new Delivery(made, inWindow, Math.max(0, made - delivered), seconds);
        System.out.printf(Locale.ROOT, "%n%s: %d calls (%.0f/s), %d received during the iteration (%.0f/s), %d delivered"
                + " after draining, %d lost%n", name, made, made / seconds, inWindow, inWindow / seconds, delivered,
                delivery.lost());
        if (delivered > made) {
            throw new IllegalStateException(name + ": the sink received more events than were logged");
        }
        if (failOnLoss && delivery.lost() > 0) {
            throw new IllegalStateException(name + ": " + delivery.lost() + " events lost at a paced rate: the timings"
                    + " would include drops; lower the rate");
        }
        requireNoErrors("logging");
        return delivery;
    }

    void close() {
        context.stop();
        sink.close();
        pki.close();
    }

    /**
     * Compiles the whole path before the first iteration, in bursts the buffer holds (nothing dropped): a paced
     * benchmark makes too few calls in its own warm-up iterations for the JIT to finish.
     */
    private void warmUp() throws InterruptedException {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            long expected = sink.lines() + WARM_UP_BURST;
            for (int i = 0; i < WARM_UP_BURST; i++) {
                log();
            }
            if (!sink.awaitLines(expected, 30_000)) {
                throw new IllegalStateException(name + ": warm-up events lost: " + (expected - sink.lines()));
            }
        }
    }

    private static LoggerContext configure(String appender) {
        LoggerContext context = new LoggerContext();
        context.setName("tls-benchmark");
        context.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(new ByteArrayInputStream(("<configuration>" + appender
                    + "<root level='INFO'><appender-ref ref='TLS'/></root></configuration>").getBytes(StandardCharsets.UTF_8)));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        return context;
    }

    private void requireNoErrors(String when) {
        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            if (s.getEffectiveLevel() >= Status.ERROR) {
                throw new IllegalStateException(name + " reported an error while " + when + ": " + s + "\n" + statuses());
            }
        }
    }

    private String statuses() {
        StringBuilder out = new StringBuilder();
        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            out.append("  ").append(s).append('\n');
        }
        return out.toString();
    }
}
