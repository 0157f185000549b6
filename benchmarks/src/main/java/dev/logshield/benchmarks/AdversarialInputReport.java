package dev.logshield.benchmarks;

import static dev.logshield.benchmarks.ReportFormat.fmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the results of {@link AdversarialInputBenchmark} as markdown: for every family of adversarial input, the time
 * per operation at the smallest and the largest size of the run (64 KB and 1 MB by default), the time per character at
 * each, the bytes allocated per character, and the ratio of the times per character (largest size's / smallest's). A
 * scanner that runs in linear time has a ratio near 1; a family above {@value #NOT_LINEAR_ABOVE} is flagged NOT LINEAR
 * (a quadratic one has about the ratio of the sizes, 16). Prints nothing when the file holds no such result.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.logshield.benchmarks.AdversarialInputReport benchmarks/target/results.json}</pre>
 */
public final class AdversarialInputReport {

    /** Ratio of the time per character above which a family is not linear. */
    static final double NOT_LINEAR_ABOVE = 2.0;

    private final List<JmhResult> results;

    AdversarialInputReport(List<JmhResult> results) {
        this.results = new ArrayList<>();
        for (JmhResult r : results) {
            if (r.scenario().equals(AdversarialInputBenchmark.SCENARIO)) {
                this.results.add(r);
            }
        }
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "benchmarks/target/results.json");
        if (!Files.isRegularFile(file)) {
            System.err.println("No JMH results at " + file + ": run benchmarks/run.sh AdversarialInputBenchmark first.");
            System.exit(2);
        }
        System.out.print(new AdversarialInputReport(JmhResult.read(file)).render());
    }

    String render() {
        if (results.isEmpty()) {
            return "";
        }
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (JmhResult r : results) {
            smallest = Math.min(smallest, size(r));
            largest = Math.max(largest, size(r));
        }
        String small = sizeLabel(smallest);
        String large = sizeLabel(largest);
        StringBuilder out = new StringBuilder("Adversarial input (Redactor.redact, every built-in detector on; linear time"
                + " means the same ns per character at every size):\n\n"
                + "| family | µs/op at " + small + " | µs/op at " + large + " | ns/char at " + small + " | ns/char at " + large
                + " | ratio (" + large + " / " + small + " per char) | B/char at " + large + " | |\n"
                + "|---|--:|--:|--:|--:|--:|--:|---|\n");
        List<String> notLinear = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String family : families()) {
            JmhResult s = find(family, smallest);
            JmhResult l = find(family, largest);
            double ratio = s == null || l == null || smallest == largest ? Double.NaN : nsPerChar(l) / nsPerChar(s);
            String verdict;
            if (Double.isNaN(ratio)) {
                verdict = "n/a";
                unknown.add(family);
            } else if (ratio > NOT_LINEAR_ABOVE) {
                verdict = "NOT LINEAR";
                notLinear.add(family);
            } else {
                verdict = "linear";
            }
            out.append("| ").append(family)
                    .append(" | ").append(micros(s)).append(" | ").append(micros(l))
                    .append(" | ").append(fmt("%.2f", nsPerChar(s))).append(" | ").append(fmt("%.2f", nsPerChar(l)))
                    .append(" | ").append(fmt("%.2f", ratio))
                    .append(" | ").append(fmt("%.2f", l == null ? Double.NaN : l.bytesPerOp() / largest))
                    .append(" | ").append(verdict).append(" |\n");
        }
        out.append('\n');
        if (!unknown.isEmpty()) {
            out.append("Not measured at both " + small + " and " + large + " (no ratio): ").append(String.join(", ", unknown))
                    .append(".\n");
        }
        out.append(notLinear.isEmpty()
                ? "No family above a ratio of " + fmt("%.1f", NOT_LINEAR_ABOVE) + ".\n"
                : "NOT LINEAR (ratio > " + fmt("%.1f", NOT_LINEAR_ABOVE) + "): " + String.join(", ", notLinear) + ".\n");
        return out.toString();
    }

    /** The families in the order the run measured them. */
    private List<String> families() {
        List<String> families = new ArrayList<>();
        for (JmhResult r : results) {
            if (!families.contains(r.param("family"))) {
                families.add(r.param("family"));
            }
        }
        return families;
    }

    private JmhResult find(String family, long size) {
        for (JmhResult r : results) {
            if (r.param("family").equals(family) && size(r) == size) {
                return r;
            }
        }
        return null;
    }

    private static long size(JmhResult r) {
        return Long.parseLong(r.param("size"));
    }

    private static double nsPerChar(JmhResult r) {
        return r == null ? Double.NaN : r.nsPerOp() / size(r);
    }

    private static String micros(JmhResult r) {
        return r == null ? "n/a" : fmt("%.1f", r.nsPerOp() / 1e3) + " ± " + fmt("%.1f", r.nsError() / 1e3);
    }

    /** {@code 65536} as {@code 64 KB}, {@code 1048576} as {@code 1 MB}, other sizes in characters. */
    static String sizeLabel(long chars) {
        if (chars >= 1 << 20 && chars % (1 << 20) == 0) {
            return chars / (1 << 20) + " MB";
        }
        if (chars >= 1 << 10 && chars % (1 << 10) == 0) {
            return chars / (1 << 10) + " KB";
        }
        return chars + " chars";
    }
}
