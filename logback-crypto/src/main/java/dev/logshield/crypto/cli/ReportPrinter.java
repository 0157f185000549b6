package dev.logshield.crypto.cli;

import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.PrintStream;

/** Prints a verification report: every finding on its own line, then one summary line with the verdict. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void print(VerificationReport report, PrintStream to) {
        for (Finding finding : report.findings()) {
            to.println(finding.describe());
        }
        to.println(summary(report));
    }

    /**
     * {@code 3 segment(s), 120 record(s), 120 event(s), 4 checkpoint(s): INTACT (exit 0)}, and a note when CLOCK
     * findings are listed above it (they never change the verdict).
     */
    static String summary(VerificationReport report) {
        return report.segments() + " segment(s), " + report.records() + " record(s), " + report.events()
                + " event(s), " + report.checkpoints() + " checkpoint(s): " + report.verdict() + " (exit "
                + report.exitCode() + ")" + explanation(report.exitCode())
                + (report.has(Finding.Severity.CLOCK) ? "; CLOCK: the writer's clock stepped (the verdict stands)" : "");
    }

    private static String explanation(int exitCode) {
        return switch (exitCode) {
            case VerificationReport.INTACT -> "";
            case VerificationReport.TAMPERED -> ": modified, missing or corrupt data";
            case VerificationReport.KEY_ERROR -> ": a key does not open the files (not a sign of tampering)";
            default -> ": intact so far, but not closed (crash, truncation or still being written)";
        };
    }
}
