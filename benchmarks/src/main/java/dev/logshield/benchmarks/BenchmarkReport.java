package dev.logshield.benchmarks;

import static dev.logshield.benchmarks.ReportFormat.fmt;
import static dev.logshield.benchmarks.ReportFormat.signed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results of a benchmark run as a markdown table: for every scenario and message kind, the time
 * and the bytes allocated per operation, and both compared with the plain Logback {@code PatternLayoutEncoder}
 * on the same message. Then the targets LogShield holds itself to, met or missed, with the numbers; the access
 * control filter's cost; the {@code RedactingAppender} against the encoders ({@link RedactingAppenderReport}); and the
 * encrypted file appender against Logback's {@code FileAppender} ({@link FileAppenderReport}). Sections the run did
 * not measure are left out.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.logshield.benchmarks.BenchmarkReport benchmarks/target/results.json}</pre>
 */
public final class BenchmarkReport {

    static final String BASELINE = "plainPatternLayoutEncoder";
    static final String REDACTING = "redactingPatternLayoutEncoder";
    static final String EVENT_ONLY = "newEventOnly";

    /** Row order: the baseline first, then what a user could pick instead, then the parts. */
    private static final List<String> SCENARIOS = List.of(BASELINE, REDACTING, "logbackReplace",
            "logstashEncoder", "redactingJsonEncoder", "logstashMaskingDecorator", "redactorOnly", EVENT_ONLY);
    private static final List<String> KINDS = List.of("clean", "oneSecret", "twoSecrets");

    /**
     * The main tables show events with the default MDC ({@code three}), or results without the parameter (runs that
     * had none); a run with {@code -p mdc=none} is shown by {@link RedactingAppenderReport}.
     */
    private static final List<String> DEFAULT_MDC = List.of("three", "");

    /** Redacting encoder time / plain encoder time (pattern and JSON alike) on a clean message. */
    static final double CLEAN_TIME_TARGET = 1.3;
    /** The same with one or two secrets in the message. */
    static final double SECRET_TIME_TARGET = 2.0;
    /** The engine alone ({@code redactorOnly}) on a clean message: at most this many ns, and no allocation. */
    static final double ENGINE_CLEAN_NS_TARGET = 100;

    private final List<JmhResult> results;

    BenchmarkReport(List<JmhResult> results) {
        this.results = results;
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results.json");
        if (!Files.isRegularFile(file)) {
            System.err.println("No JMH results at " + file + ": run benchmarks/run.sh first.");
            System.exit(2);
        }
        JmhResult.RunInfo info = JmhResult.runInfo(file);
        if (info != null) {
            System.out.printf(Locale.ROOT, "JMH %s, %s (%s), %d CPUs; fork %d, warm-up %d x %s, measurement %d x %s%n%n",
                    info.jmhVersion(), info.jdkVersion(), info.vmName(), Runtime.getRuntime().availableProcessors(),
                    info.forks(), info.warmupIterations(), info.warmupTime(), info.measurementIterations(),
                    info.measurementTime());
        }
        System.out.print(new BenchmarkReport(JmhResult.read(file)).render());
    }

    String render() {
        StringBuilder out = new StringBuilder();
        if (hasEncoderResults()) {
            out.append(encoders());
            out.append('\n').append(targets());
        }
        String access = accessControl();
        if (!access.isEmpty()) {
            out.append(out.length() > 0 ? "\n" : "").append(access);
        }
        String appender = new RedactingAppenderReport(results, List.of()).render();
        if (!appender.isEmpty()) {
            out.append(out.length() > 0 ? "\n" : "").append(appender);
        }
        String files = new FileAppenderReport(results).render();
        if (!files.isEmpty()) {
            out.append(out.length() > 0 ? "\n" : "").append(files);
        }
        return out.toString();
    }

    /** Whether the run measured any encoder scenario (a run can be limited to other benchmarks). */
    private boolean hasEncoderResults() {
        for (JmhResult r : results) {
            if (SCENARIOS.contains(r.scenario())) {
                return true;
            }
        }
        return false;
    }

    /** Every encoder scenario and message kind against the plain encoder on the same message. */
    private String encoders() {
        StringBuilder out = new StringBuilder();
        out.append("| message | scenario | ns/op | B/op | time vs plain | extra B/op vs plain |\n");
        out.append("|---|---|--:|--:|--:|--:|\n");
        for (String kind : KINDS) {
            JmhResult base = find(BASELINE, kind);
            for (String scenario : SCENARIOS) {
                JmhResult r = find(scenario, kind);
                if (r == null) {
                    continue;
                }
                out.append("| ").append(kind)
                        .append(" | ").append(scenario.equals(BASELINE) ? scenario + " (baseline)" : scenario)
                        .append(" | ").append(fmt("%.0f", r.nsPerOp())).append(" ± ").append(fmt("%.0f", r.nsError()))
                        .append(" | ").append(fmt("%.0f", r.bytesPerOp()))
                        .append(" | ").append(base == null ? "n/a" : fmt("%.2fx", r.nsPerOp() / base.nsPerOp()))
                        .append(" | ").append(base == null ? "n/a" : signed(r.bytesPerOp() - base.bytesPerOp()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** The access-control filter's cost per logging call: the same call with and without it. */
    private String accessControl() {
        JmhResult without = find("loggerWithoutTurboFilter", "");
        JmhResult with = find("loggerWithAccessControl10Rules", "");
        if (without == null || with == null) {
            return "";
        }
        return "Access control (a whole log.info call into a no-op appender; the event passes all 10 rules):\n\n"
                + "| scenario | ns/op | B/op |\n|---|--:|--:|\n"
                + "| loggerWithoutTurboFilter | " + fmt("%.0f", without.nsPerOp()) + " ± " + fmt("%.0f", without.nsError())
                + " | " + fmt("%.0f", without.bytesPerOp()) + " |\n"
                + "| loggerWithAccessControl10Rules | " + fmt("%.0f", with.nsPerOp()) + " ± " + fmt("%.0f", with.nsError())
                + " | " + fmt("%.0f", with.bytesPerOp()) + " |\n\n"
                + "Added by the filter: " + fmt("%.0f", with.nsPerOp() - without.nsPerOp()) + " ns per call ("
                + fmt("%.2fx", with.nsPerOp() / without.nsPerOp()) + "), " + signed(with.bytesPerOp() - without.bytesPerOp())
                + " B/op.\n";
    }

    /** LogShield's targets against the baseline, plus the same ratio with the shared event cost taken out. */
    private String targets() {
        StringBuilder out = new StringBuilder("Targets (redactingPatternLayoutEncoder vs plainPatternLayoutEncoder,"
                + " redactingJsonEncoder vs logstashEncoder, the engine alone):\n\n");
        List<String> missed = new ArrayList<>();
        for (String kind : KINDS) {
            JmhResult base = find(BASELINE, kind);
            JmhResult red = find(REDACTING, kind);
            if (base == null || red == null) {
                continue;
            }
            boolean clean = kind.equals("clean");
            double limit = clean ? CLEAN_TIME_TARGET : SECRET_TIME_TARGET;
            double ratio = red.nsPerOp() / base.nsPerOp();
            double extraBytes = red.bytesPerOp() - base.bytesPerOp();
            boolean timeMet = ratio <= limit;
            out.append("- ").append(kind).append(": time ").append(fmt("%.2fx", ratio))
                    .append(" (target ≤ ").append(fmt("%.2fx", limit)).append(") ").append(timeMet ? "met" : "MISSED");
            if (!timeMet) {
                missed.add(kind + " time");
            }
            if (clean) {
                boolean bytesMet = !Double.isNaN(extraBytes) && Math.round(extraBytes) <= 0;
                out.append("; extra ").append(signed(extraBytes)).append(" B/op (target 0) ").append(bytesMet ? "met" : "MISSED");
                if (!bytesMet) {
                    missed.add(kind + " B/op");
                }
                JmhResult engine = find("redactorOnly", kind);
                if (engine != null) {
                    out.append(" (engine alone: ").append(fmt("%.0f", engine.bytesPerOp())).append(" B/op)");
                }
            } else {
                out.append("; ").append(signed(extraBytes)).append(" B/op");
            }
            JmhResult event = find(EVENT_ONLY, kind);
            if (event != null && base.nsPerOp() > event.nsPerOp()) {
                double encodeOnly = (red.nsPerOp() - event.nsPerOp()) / (base.nsPerOp() - event.nsPerOp());
                out.append("; encode only (event creation taken out of both): ").append(fmt("%.2fx", encodeOnly));
            }
            out.append('\n');
        }
        for (String kind : KINDS) {
            JmhResult json = find("logstashEncoder", kind);
            JmhResult redacting = find("redactingJsonEncoder", kind);
            if (json == null || redacting == null) {
                continue;
            }
            double ratio = redacting.nsPerOp() / json.nsPerOp();
            double limit = kind.equals("clean") ? CLEAN_TIME_TARGET : SECRET_TIME_TARGET;
            boolean met = ratio <= limit;
            out.append("- JSON, ").append(kind).append(": redactingJsonEncoder vs logstashEncoder ").append(fmt("%.2fx", ratio))
                    .append(" (target ≤ ").append(fmt("%.2fx", limit)).append(") ").append(met ? "met" : "MISSED")
                    .append(", ").append(signed(redacting.bytesPerOp() - json.bytesPerOp())).append(" B/op\n");
            if (!met) {
                missed.add("JSON " + kind + " time");
            }
        }
        JmhResult engine = find("redactorOnly", "clean");
        if (engine != null) {
            boolean timeMet = engine.nsPerOp() <= ENGINE_CLEAN_NS_TARGET;
            boolean bytesMet = !Double.isNaN(engine.bytesPerOp()) && Math.round(engine.bytesPerOp()) <= 0;
            out.append("- engine alone (redactorOnly), clean: ").append(fmt("%.0f", engine.nsPerOp())).append(" ns (target ≤ ")
                    .append(fmt("%.0f", ENGINE_CLEAN_NS_TARGET)).append(" ns) ").append(timeMet ? "met" : "MISSED")
                    .append("; ").append(fmt("%.0f", engine.bytesPerOp())).append(" B/op (target 0) ")
                    .append(bytesMet ? "met" : "MISSED").append('\n');
            if (!timeMet) {
                missed.add("engine clean time");
            }
            if (!bytesMet) {
                missed.add("engine clean B/op");
            }
        }
        for (String kind : KINDS) {
            JmhResult json = find("logstashEncoder", kind);
            JmhResult masked = find("logstashMaskingDecorator", kind);
            if (json != null && masked != null) {
                out.append("- for comparison, ").append(kind).append(": logstashMaskingDecorator vs logstashEncoder ")
                        .append(fmt("%.2fx", masked.nsPerOp() / json.nsPerOp())).append(", ")
                        .append(signed(masked.bytesPerOp() - json.bytesPerOp())).append(" B/op\n");
            }
        }
        out.append('\n').append(missed.isEmpty() ? "All targets met.\n" : "Targets missed: " + String.join(", ", missed) + ".\n");
        return out.toString();
    }

    /** The result of {@code scenario} for {@code kind}, with events as the default {@code mdc} makes them. */
    private JmhResult find(String scenario, String kind) {
        for (JmhResult r : results) {
            if (r.scenario().equals(scenario) && r.kind().equals(kind) && DEFAULT_MDC.contains(r.param("mdc"))) {
                return r;
            }
        }
        return null;
    }
}
