package dev.logshield.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH writes scores in the unit of each benchmark's {@code @OutputTimeUnit}; the reports read nanoseconds per
 * operation, so a benchmark in microseconds (the adversarial one) is converted, and a score that is not a time per
 * operation is left as written.
 */
class JmhResultReadsEveryTimeInNanosecondsTest {

    private static String result(String method, String unit, String score, String error) {
        return "{\"benchmark\": \"dev.logshield.benchmarks.X." + method + "\", \"params\": {\"size\": \"65536\"},"
                + " \"primaryMetric\": {\"score\": " + score + ", \"scoreError\": " + error + ", \"scoreUnit\": \"" + unit + "\"},"
                + " \"secondaryMetrics\": {\"gc.alloc.rate.norm\": {\"score\": 24.0, \"scoreError\": 0.5, \"scoreUnit\": \"B/op\"}}}";
    }

    @Test
    void microsecondsAndMillisecondsAreConverted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.json");
        Files.writeString(file, "[" + String.join(",", result("inNanos", "ns/op", "312.5", "4.5"),
                result("inMicros", "us/op", "1.5", "0.25"), result("inMillis", "ms/op", "2", "\"NaN\""),
                result("throughput", "ops/s", "1000", "10")) + "]");

        List<JmhResult> results = JmhResult.read(file);

        assertThat(results).extracting(JmhResult::scenario).containsExactly("inNanos", "inMicros", "inMillis", "throughput");
        assertThat(results.get(0).nsPerOp()).isEqualTo(312.5);
        assertThat(results.get(0).nsError()).isEqualTo(4.5);
        assertThat(results.get(1).nsPerOp()).isCloseTo(1500, within(1e-9));
        assertThat(results.get(1).nsError()).isCloseTo(250, within(1e-9));
        assertThat(results.get(2).nsPerOp()).isCloseTo(2_000_000, within(1e-6));
        assertThat(results.get(2).nsError()).isNaN();
        assertThat(results.get(3).nsPerOp()).isEqualTo(1000);
        assertThat(results.get(1).bytesPerOp()).isEqualTo(24.0);
        assertThat(results.get(1).param("size")).isEqualTo("65536");
    }
}
