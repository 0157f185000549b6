package dev.logshield.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of JMH's JSON result file ({@code -rf json}): the scenario (benchmark method), its parameters (the
 * message {@code kind}, {@code immediateFlush}...), the average time with its 99.9% error in nanoseconds whatever unit
 * the benchmark reports in ({@code us/op}, {@code ms/op}...; other scores, such as throughput, as written), and the bytes
 * allocated per operation measured by
 * {@code -prof gc} ({@code gc.alloc.rate.norm}, written {@code ·gc.alloc.rate.norm} before JMH 1.37; NaN when
 * the run had no gc profiler).
 */
record JmhResult(String scenario, Map<String, String> params, double nsPerOp, double nsError, double bytesPerOp,
        double bytesError) {

    private static final String ALLOC_NORM = "gc.alloc.rate.norm";
    private static final String OLD_ALLOC_NORM = "\u00b7gc.alloc.rate.norm";

    /** The message kind parameter; empty when the benchmark has none. */
    String kind() {
        return param("kind");
    }

    /** A parameter's value; empty when the benchmark has no such parameter. */
    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** The run's settings, as JMH recorded them on its first result. */
    record RunInfo(String jmhVersion, String jdkVersion, String vmName, int forks, int warmupIterations,
            String warmupTime, int measurementIterations, String measurementTime) {
    }

    /** Every result in {@code file}. */
    static List<JmhResult> read(Path file) {
        List<JmhResult> out = new ArrayList<>();
        for (JsonNode b : JsonMapper.builder().build().readTree(file)) {
            String benchmark = b.path("benchmark").asString();
            String scenario = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : b.path("params").properties()) {
                params.put(p.getKey(), p.getValue().asString(""));
            }
            JsonNode primary = b.path("primaryMetric");
            double toNanos = nanosPer(primary.path("scoreUnit").asString(""));
            JsonNode secondary = b.path("secondaryMetrics");
            JsonNode alloc = secondary.has(ALLOC_NORM) ? secondary.path(ALLOC_NORM) : secondary.path(OLD_ALLOC_NORM);
            out.add(new JmhResult(scenario, Map.copyOf(params), number(primary.path("score")) * toNanos,
                    number(primary.path("scoreError")) * toNanos, number(alloc.path("score")), number(alloc.path("scoreError"))));
        }
        return out;
    }

    /** The settings of the run in {@code file}; null when it holds no result. */
    static RunInfo runInfo(Path file) {
        for (JsonNode b : JsonMapper.builder().build().readTree(file)) {
            return new RunInfo(b.path("jmhVersion").asString(""), b.path("jdkVersion").asString(""),
                    b.path("vmName").asString(""), b.path("forks").asInt(), b.path("warmupIterations").asInt(),
                    b.path("warmupTime").asString(""), b.path("measurementIterations").asInt(),
                    b.path("measurementTime").asString(""));
        }
        return null;
    }

    /** Nanoseconds in the time unit of a score per operation ({@code us/op}: 1000); 1 for any other score. */
    private static double nanosPer(String scoreUnit) {
        switch (scoreUnit) {
            case "us/op": return 1e3;
            case "ms/op": return 1e6;
            case "s/op": return 1e9;
            case "min/op": return 60e9;
            default: return 1; // ns/op, and scores that are not a time per operation
        }
    }

    /** JMH writes NaN (a single iteration's error, for instance) as a string. */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(n.asString(""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
