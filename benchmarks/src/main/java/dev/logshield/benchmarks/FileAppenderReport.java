package dev.logshield.benchmarks;

import static dev.logshield.benchmarks.ReportFormat.fmt;
import static dev.logshield.benchmarks.ReportFormat.signed;
import static dev.logshield.benchmarks.ReportFormat.time;

import java.util.ArrayList;
import java.util.List;

/**
 * The "Encrypted file appender" section of the report ({@link FileAppenderBenchmark}): Logback's
 * {@code FileAppender} against LogShield's {@code EncryptedFileAppender}, flushing every event and batched, with
 * the throughput ratio (plain ns/op ÷ encrypted ns/op), the overhead per event (encrypted − plain) against the
 * raw AES-GCM floor, and the targets met or missed with the numbers.
 */
final class FileAppenderReport {

    static final String PLAIN = "plainFileAppender";
    static final String ENCRYPTED = "encryptedFileAppender";
    static final String RAW = "rawAesGcm";
    static final String ENCODE = "encodeOnly";
    static final String DIGEST = "sha256Frame";
    static final String WRITER = "segmentWriterOnly";

    /** Encrypted throughput as a share of plain throughput, at least. */
    static final double FLUSHING_RATIO_TARGET = 0.75;
    static final double BATCHED_RATIO_TARGET = 0.85;
    /** Overhead per event, at most this many times the raw AES-GCM floor. */
    static final double OVERHEAD_TARGET = 1.5;

    private record Mode(String label, String immediateFlush, double ratioTarget) {
    }

    private static final List<Mode> MODES = List.of(
            new Mode("flushing (immediateFlush=true)", "true", FLUSHING_RATIO_TARGET),
            new Mode("batched (immediateFlush=false)", "false", BATCHED_RATIO_TARGET));

    private final List<JmhResult> results;

    FileAppenderReport(List<JmhResult> results) {
        this.results = results;
    }

    /** The section; empty when the run had no file appender result. */
    String render() {
        if (find(PLAIN, null) == null && find(ENCRYPTED, null) == null) {
            return "";
        }
        JmhResult raw = find(RAW, null);
        StringBuilder out = new StringBuilder("Encrypted file appender (Logback FileAppender vs EncryptedFileAppender, same"
                + " PatternLayoutEncoder, syncPolicy none, one thread, a new event per operation):\n\n");
        out.append("| mode | FileAppender ns/op | EncryptedFileAppender ns/op | throughput ratio (plain/encrypted)"
                + " | overhead ns/event | overhead / rawAesGcm | FileAppender B/op | EncryptedFileAppender B/op |\n");
        out.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
        List<String> targets = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Mode mode : MODES) {
            JmhResult plain = find(PLAIN, mode.immediateFlush());
            JmhResult encrypted = find(ENCRYPTED, mode.immediateFlush());
            if (plain == null || encrypted == null) {
                continue;
            }
            double ratio = plain.nsPerOp() / encrypted.nsPerOp();
            double overhead = encrypted.nsPerOp() - plain.nsPerOp();
            double perRaw = raw == null ? Double.NaN : overhead / raw.nsPerOp();
            out.append("| ").append(mode.label())
                    .append(" | ").append(time(plain))
                    .append(" | ").append(time(encrypted))
                    .append(" | ").append(fmt("%.2f", ratio))
                    .append(" | ").append(signed(overhead))
                    .append(" | ").append(fmt("%.2fx", perRaw))
                    .append(" | ").append(fmt("%.0f", plain.bytesPerOp()))
                    .append(" | ").append(fmt("%.0f", encrypted.bytesPerOp()))
                    .append(" |\n");
            boolean ratioMet = ratio >= mode.ratioTarget();
            // three decimals here: "0.85 (target ≥ 0.85) MISSED" would hide a 0.849
            targets.add(mode.label() + ": throughput ratio " + fmt("%.3f", ratio) + " (" + fmt("%.0f", plain.nsPerOp())
                    + " / " + fmt("%.0f", encrypted.nsPerOp()) + " ns; target ≥ " + fmt("%.2f", mode.ratioTarget()) + ") "
                    + (ratioMet ? "met" : "MISSED"));
            if (!ratioMet) {
                missed.add(mode.label() + " throughput");
            }
            if (raw != null) {
                boolean overheadMet = perRaw <= OVERHEAD_TARGET;
                targets.add(mode.label() + ": overhead " + signed(overhead) + " ns per event = " + fmt("%.2fx", perRaw)
                        + " rawAesGcm (" + fmt("%.0f", raw.nsPerOp()) + " ns; target ≤ " + fmt("%.2fx", OVERHEAD_TARGET)
                        + ") " + (overheadMet ? "met" : "MISSED"));
                if (!overheadMet) {
                    missed.add(mode.label() + " overhead");
                }
            }
        }
        out.append('\n');
        out.append("| part | ns/op | B/op |\n|---|--:|--:|\n");
        for (String floor : List.of(ENCODE, RAW, DIGEST, WRITER)) {
            JmhResult r = find(floor, null);
            if (r != null) {
                out.append("| ").append(floor).append(" | ").append(time(r)).append(" | ").append(fmt("%.0f", r.bytesPerOp()))
                        .append(" |\n");
            }
        }
        out.append("\nTargets (EncryptedFileAppender vs FileAppender):\n\n");
        for (String target : targets) {
            out.append("- ").append(target).append('\n');
        }
        if (!targets.isEmpty()) {
            out.append('\n').append(missed.isEmpty() ? "All targets met.\n" : "Targets missed: " + String.join(", ", missed) + ".\n");
        }
        return out.toString();
    }

    /** The result of {@code scenario}, with {@code immediateFlush} set to the given value (null: any). */
    private JmhResult find(String scenario, String immediateFlush) {
        for (JmhResult r : results) {
            if (r.scenario().equals(scenario) && (immediateFlush == null || r.param("immediateFlush").equals(immediateFlush))) {
                return r;
            }
        }
        return null;
    }
}
