package dev.logshield.benchmarks.tls;

import static dev.logshield.benchmarks.ReportFormat.fmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the results of {@link TlsAppenderBenchmark} as markdown: the application thread's cost per call (average,
 * median, p99, p99.9) and the sustained throughput (events received by the sink per second, with the calls made and
 * the events lost), each as a ratio MtlsAppender / LogstashTcpSocketAppender, then the targets met or missed with
 * their numbers. Prints nothing when the file holds no TLS appender result.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.logshield.benchmarks.tls.TlsAppenderReport benchmarks/target/results.json}</pre>
 */
public final class TlsAppenderReport {

    private static final String PREFIX = TlsAppenderBenchmark.class.getName() + ".";

    /** One benchmark result: sample-time percentiles, or throughput with what the sink received and lost. */
    record Row(String method, String rate, double score, double error, double p50, double p99, double p999,
            double received, double receivedError, double lost) {
    }

    private final List<Row> rows;
    private final List<String> missed = new ArrayList<>();

    TlsAppenderReport(List<Row> rows) {
        this.rows = rows;
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results.json");
        if (!Files.isRegularFile(file)) {
            System.err.println("No JMH results at " + file + ": run benchmarks/run.sh TlsAppenderBenchmark first.");
            System.exit(2);
        }
        JsonNode results = JsonMapper.builder().build().readTree(file);
        List<Row> rows = read(results);
        if (rows.isEmpty()) {
            return;
        }
        JsonNode first = results.get(0);
        System.out.printf(Locale.ROOT, "TLS appenders: JMH %s, JDK %s (%s), %d CPUs; fork %d, warm-up %d x %s,"
                + " measurement %d x %s%n%n", first.path("jmhVersion").asString(""), first.path("jdkVersion").asString(""),
                first.path("vmName").asString(""), Runtime.getRuntime().availableProcessors(), first.path("forks").asInt(),
                first.path("warmupIterations").asInt(), first.path("warmupTime").asString(""),
                first.path("measurementIterations").asInt(), first.path("measurementTime").asString(""));
        System.out.print(new TlsAppenderReport(rows).render());
    }

    static List<Row> read(JsonNode results) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode b : results) {
            String benchmark = b.path("benchmark").asString("");
            if (!benchmark.startsWith(PREFIX)) {
                continue;
            }
            JsonNode primary = b.path("primaryMetric");
            JsonNode percentiles = primary.path("scorePercentiles");
            JsonNode secondary = b.path("secondaryMetrics");
            rows.add(new Row(benchmark.substring(PREFIX.length()), b.path("params").path("rate").asString(""),
                    number(primary.path("score")), number(primary.path("scoreError")),
                    number(percentiles.path("50.0")), number(percentiles.path("99.0")), number(percentiles.path("99.9")),
                    number(secondary.path("received").path("score")), number(secondary.path("received").path("scoreError")),
                    number(secondary.path("lost").path("score"))));
        }
        return rows;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(costPerCall()).append('\n').append(sustained()).append('\n');
        out.append(missed.isEmpty() ? "All targets met.\n" : "Targets missed: " + String.join("; ", missed) + ".\n");
        return out.toString();
    }

    /** Sample-time results, by rate: MtlsAppender, then the logstash appender (the reference), then its variant. */
    private String costPerCall() {
        StringBuilder table = new StringBuilder("Application thread, ns per log.info call (lower is better; ratio"
                + " MtlsAppender / LogstashTcpSocketAppender):\n\n"
                + "| calls/s asked | appender | avg | p50 | p99 | p99.9 | avg ratio | p99 ratio |\n"
                + "|--:|---|--:|--:|--:|--:|--:|--:|\n");
        StringBuilder targets = new StringBuilder();
        for (String rate : rates()) {
            Row mtls = find("mtlsCall", rate);
            Row logstash = find("logstashCall", rate);
            for (Row r : new Row[] {mtls, logstash, find("logstashSleepingCall", rate)}) {
                if (r == null) {
                    continue;
                }
                table.append("| ").append(rate).append(" | ").append(label(r.method()))
                        .append(" | ").append(fmt("%.0f", r.score())).append(" ± ").append(fmt("%.0f", r.error()))
                        .append(" | ").append(fmt("%.0f", r.p50())).append(" | ").append(fmt("%.0f", r.p99()))
                        .append(" | ").append(fmt("%.0f", r.p999()))
                        .append(" | ").append(logstash == null ? "n/a" : fmt("%.2fx", r.score() / logstash.score()))
                        .append(" | ").append(logstash == null ? "n/a" : fmt("%.2fx", r.p99() / logstash.p99()))
                        .append(" |\n");
            }
            if (mtls != null && logstash != null) {
                targets.append(lower("cost per call at " + rate + "/s, average", mtls.score(), logstash.score()));
                targets.append(lower("cost per call at " + rate + "/s, p99", mtls.p99(), logstash.p99()));
            }
        }
        return table + "\nLost events in the paced runs: none (a lost event fails the run).\n\n"
                + "Targets (application thread cost lower than LogstashTcpSocketAppender's):\n\n" + targets;
    }

    /** Throughput results: both appenders dropping when full (their default), then both waiting for room. */
    private String sustained() {
        StringBuilder table = new StringBuilder("Sustained throughput: events received by the sink per second (higher is"
                + " better; ratio MtlsAppender / LogstashTcpSocketAppender):\n\n"
                + "| when the buffer is full | appender | log calls/s | received/s (sustained) | lost/s | lost | received ratio |\n"
                + "|---|---|--:|--:|--:|--:|--:|\n");
        StringBuilder targets = new StringBuilder();
        String[][] modes = {{"drop (default)", "mtlsSustained", "logstashSustained"},
            {"wait for room", "mtlsSustainedBlocking", "logstashSustainedBlocking"}};
        for (String[] mode : modes) {
            Row mtls = find(mode[1], "");
            Row logstash = find(mode[2], "");
            for (Row r : new Row[] {mtls, logstash}) {
                if (r == null) {
                    continue;
                }
                table.append("| ").append(mode[0]).append(" | ").append(label(r.method()))
                        .append(" | ").append(fmt("%.0f", r.score()))
                        .append(" | ").append(fmt("%.0f", r.received())).append(" ± ").append(fmt("%.0f", r.receivedError()))
                        .append(" | ").append(fmt("%.0f", r.lost()))
                        .append(" | ").append(fmt("%.1f%%", 100 * r.lost() / r.score()))
                        .append(" | ").append(logstash == null ? "n/a" : fmt("%.2fx", r.received() / logstash.received()))
                        .append(" |\n");
            }
            if (mtls != null && logstash != null) {
                boolean met = mtls.received() >= logstash.received();
                targets.append("- sustained, ").append(mode[0]).append(": ").append(fmt("%.0f", mtls.received()))
                        .append(" vs ").append(fmt("%.0f", logstash.received())).append(" events/s = ")
                        .append(fmt("%.2fx", mtls.received() / logstash.received())).append(" (target ≥ 1.00x) ")
                        .append(met ? "MET" : "MISSED").append('\n');
                if (!met) {
                    missed.add("sustained " + mode[0]);
                }
            }
        }
        return table + "\nTargets (throughput at least equal):\n\n" + targets;
    }

    private String lower(String what, double mtls, double logstash) {
        boolean met = mtls < logstash;
        if (!met) {
            missed.add(what);
        }
        return "- " + what + ": " + fmt("%.0f", mtls) + " vs " + fmt("%.0f", logstash) + " ns = "
                + fmt("%.2fx", mtls / logstash) + " (target < 1.00x) " + (met ? "MET" : "MISSED") + "\n";
    }

    private List<String> rates() {
        List<String> rates = new ArrayList<>();
        for (Row r : rows) {
            if (!r.rate().isEmpty() && !rates.contains(r.rate())) {
                rates.add(r.rate());
            }
        }
        rates.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        return rates;
    }

    private static String label(String method) {
        if (method.startsWith("mtls")) {
            return method.endsWith("Blocking") ? "MtlsAppender (overflowPolicy block)" : "MtlsAppender";
        }
        if (method.startsWith("logstashSleeping")) {
            return "LogstashTcpSocketAppender, waitStrategyType sleeping (for comparison)";
        }
        return method.endsWith("Blocking") ? "LogstashTcpSocketAppender (appendTimeout 60 s)" : "LogstashTcpSocketAppender";
    }

    private Row find(String method, String rate) {
        for (Row r : rows) {
            if (r.method().equals(method) && r.rate().equals(rate)) {
                return r;
            }
        }
        return null;
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
