package dev.logshield.benchmarks;

import java.util.Locale;

/** How the benchmark reports print numbers: the same rounding, signs and "n/a" for a missing value everywhere. */
public final class ReportFormat {

    private ReportFormat() {
    }

    /** {@code value} with {@code format} (root locale), or {@code n/a} when it is not a number. */
    public static String fmt(String format, double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    /** A whole number with its sign ({@code +0}, {@code -360}), or {@code n/a}. */
    public static String signed(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        long v = Math.round(value);
        return (v >= 0 ? "+" : "") + v;
    }

    /** A result's ns/op with its JMH error: {@code 314 ± 19}. */
    static String time(JmhResult r) {
        return fmt("%.0f", r.nsPerOp()) + " ± " + fmt("%.0f", r.nsError());
    }
}
