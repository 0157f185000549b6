package dev.logshield.redact.event;

import static dev.logshield.redact.event.BuiltInRedactor.REDACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The common case costs nothing: a clean {@code kv}/{@code value} with a text value and a marker list of clean
 * single-field markers and plain markers are checked without allocating a byte (the redactor itself allocates
 * nothing on clean text). The quietest of several rounds must be zero, as the JIT may allocate once.
 */
class StructuredValuesAllocateNothingOnCleanValuesTest {

    private static final int ROUNDS = 10;

    @Test
    void cleanTextArgumentsAndMarkersAllocateNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Object[] args = {StructuredArguments.kv("user", "bob"), StructuredArguments.value("state", "ready"), "plain"};
        List<Marker> markers = List.of(Markers.append("region", "eu-west-1"), MarkerFactory.getMarker("AUDIT"));
        for (int warm = 0; warm < 20_000; warm++) {
            redactAll(args, markers);
        }
        long quietest = Long.MAX_VALUE;
        long giveUp = System.nanoTime() + 10_000_000_000L; // a loaded machine may install compiled code late
        for (int round = 0; quietest > 0 && (round < ROUNDS || System.nanoTime() < giveUp); round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 1_000; i++) {
                redactAll(args, markers);
            }
            quietest = Math.min(quietest, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(quietest).as("bytes allocated in the quietest round").isZero();
    }

    private static void redactAll(Object[] args, List<Marker> markers) {
        for (Object arg : args) {
            if (StructuredValues.redactArgument(arg, REDACTOR) != arg) {
                throw new AssertionError("changed a clean argument: " + arg);
            }
        }
        if (StructuredValues.redactMarkers(markers, REDACTOR) != markers) {
            throw new AssertionError("changed clean markers");
        }
    }
}
