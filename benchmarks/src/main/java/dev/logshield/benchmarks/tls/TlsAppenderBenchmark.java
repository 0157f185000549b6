package dev.logshield.benchmarks.tls;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * LogShield's {@code MtlsAppender} against logstash-logback-encoder's {@code LogstashTcpSocketAppender} with SSL,
 * both shipping {@code LogstashEncoder} JSON lines over mutual TLS 1.3 to a {@link TlsSink} on loopback, each in
 * its own JVM fork and logger context, configured as in {@link TlsAppenderXml}.
 *
 * <ul>
 * <li>{@code *Call} (sample time): what one {@code log.info(template, args)} costs the application thread, average
 * and percentiles, at a steady {@code rate} of calls per second that the appenders keep up with. Between calls the
 * thread parks until its next slot, outside the timed part, like a request thread waiting for I/O. An iteration
 * in which any event is lost fails the run, so no timing is that of a (cheaper) drop.
 * {@code logstashSleepingCall} is the logstash appender with a non-default wait strategy that never needs waking,
 * for comparison.</li>
 * <li>{@code *Sustained} (throughput): one thread logs as fast as it can, both appenders dropping when their buffer
 * is full (their default). The score is calls per second; the secondary results are what the sink
 * {@code received} during the iteration and what was {@code lost} (never arrived, counted after the appender
 * drained), per second. <b>Sustained throughput is {@code received}</b>, not the score.
 * {@code *SustainedBlocking}: the same with both appenders waiting for room instead of dropping: the most they
 * deliver without loss.</li>
 * </ul>
 *
 * Every setup proves that the appender under test is the one running ({@link TlsShipment}).
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TlsAppenderBenchmark {

    /** An appender with its sink, set up once per fork, counted per iteration. */
    @State(Scope.Thread)
    public abstract static class Shipping {

        /** Events the sink received during the iteration (reported per second: the sustained throughput). */
        long received;
        /** Calls whose event never reached the sink, counted once the appender drained (reported per second). */
        long lost;

        private TlsShipment shipment;
        private boolean failOnLoss;

        @Setup(Level.Trial)
        public void setUp(BenchmarkParams benchmark) throws InterruptedException {
            failOnLoss = benchmark.getMode() == Mode.SampleTime;
            shipment = create();
        }

        @Setup(Level.Iteration)
        public void startIteration() throws InterruptedException {
            received = 0;
            lost = 0;
            shipment.startIteration();
        }

        @TearDown(Level.Iteration)
        public void endIteration() throws InterruptedException {
            TlsShipment.Delivery delivery = shipment.endIteration(failOnLoss);
            received = delivery.receivedInWindow();
            lost = delivery.lost();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            shipment.close();
        }

        final void log() {
            shipment.log();
        }

        abstract TlsShipment create() throws InterruptedException;
    }

    // JMH reads auxiliary counters only from methods the @AuxCounters class itself declares, hence the repetition.

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Mtls extends Shipping {
        @Override
        TlsShipment create() throws InterruptedException {
            return new TlsShipment("MtlsAppender", TlsAppenderXml.MTLS_CLASS, (pki, port) -> TlsAppenderXml.mtls(pki, port, false));
        }

        public long received() {
            return received;
        }

        public long lost() {
            return lost;
        }
    }

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class MtlsBlocking extends Shipping {
        @Override
        TlsShipment create() throws InterruptedException {
            return new TlsShipment("MtlsAppender (block)", TlsAppenderXml.MTLS_CLASS,
                    (pki, port) -> TlsAppenderXml.mtls(pki, port, true));
        }

        public long received() {
            return received;
        }

        public long lost() {
            return lost;
        }
    }

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Logstash extends Shipping {
        @Override
        TlsShipment create() throws InterruptedException {
            return new TlsShipment("LogstashTcpSocketAppender", TlsAppenderXml.LOGSTASH_CLASS,
                    (pki, port) -> TlsAppenderXml.logstash(pki, port, false, "blocking"));
        }

        public long received() {
            return received;
        }

        public long lost() {
            return lost;
        }
    }

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class LogstashBlocking extends Shipping {
        @Override
        TlsShipment create() throws InterruptedException {
            return new TlsShipment("LogstashTcpSocketAppender (appendTimeout)", TlsAppenderXml.LOGSTASH_CLASS,
                    (pki, port) -> TlsAppenderXml.logstash(pki, port, true, "blocking"));
        }

        public long received() {
            return received;
        }

        public long lost() {
            return lost;
        }
    }

    /** Spins 200 times, then sleeps 1 ms at a time: its handler is never woken by a producer. */
    public static class LogstashSleeping extends Shipping {
        @Override
        TlsShipment create() throws InterruptedException {
            return new TlsShipment("LogstashTcpSocketAppender (sleeping)", TlsAppenderXml.LOGSTASH_CLASS,
                    (pki, port) -> TlsAppenderXml.logstash(pki, port, false, "sleeping{200,1000000}"));
        }
    }

    /**
     * Spaces calls about {@code 1/rate} apart, outside the timed part: before each invocation the thread parks until
     * its slot. Parking oversleeps by the kernel's timer slack (about 50 us), so the rate reached is lower than
     * asked, most at 10000/s; each iteration prints it. A late call does not make the next ones come faster.
     */
    @State(Scope.Thread)
    public static class Pacer {

        @Param({"1000", "10000"})
        public int rate;

        private long interval;
        private long next;

        @Setup(Level.Iteration)
        public void start() {
            interval = 1_000_000_000L / rate;
            next = System.nanoTime();
        }

        @Setup(Level.Invocation)
        public void waitForSlot() {
            long now;
            while ((now = System.nanoTime()) < next) {
                LockSupport.parkNanos(next - now);
            }
            next = Math.max(next, now - interval / 2) + interval;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void mtlsCall(Mtls s, Pacer pacer) {
        s.log();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void logstashCall(Logstash s, Pacer pacer) {
        s.log();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void logstashSleepingCall(LogstashSleeping s, Pacer pacer) {
        s.log();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void mtlsSustained(Mtls s) {
        s.log();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void logstashSustained(Logstash s) {
        s.log();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void mtlsSustainedBlocking(MtlsBlocking s) {
        s.log();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void logstashSustainedBlocking(LogstashBlocking s) {
        s.log();
    }
}
