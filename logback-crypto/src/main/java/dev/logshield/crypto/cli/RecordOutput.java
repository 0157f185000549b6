package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * Writes the authenticated records a {@link SeriesVerifier} releases to the output, in order. By default it stops
 * for good at the first integrity failure of any kind (a failed record, a broken chain, a missing file), so that
 * the output is a verified prefix; with {@code force} it keeps writing verified records and marks every gap on
 * standard error. Unauthenticated plaintext never reaches it: the verifier releases only records that open.
 */
final class RecordOutput implements SeriesVerifier.RecordSink {

    private final OutputStream out;
    private final PrintStream err;
    private final boolean force;
    private SeriesVerifier verifier;
    private SegmentCore lastCore;
    private int findingsShown;
    private boolean halted;

    RecordOutput(OutputStream out, PrintStream err, boolean force) {
        this.out = out;
        this.err = err;
        this.force = force;
    }

    /** The verifier whose findings decide when to stop (it is created with this sink, so it is attached after). */
    void watch(SeriesVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void record(SegmentCore core, long seq, byte[] payload) throws IOException {
        if (halted) {
            return;
        }
        VerificationReport report = verifier.report();
        if (force) {
            if (core != lastCore) {
                markGaps(report);
            }
        } else if (report.has(Finding.Severity.TAMPERED)) {
            halt();
            return;
        }
        lastCore = core;
        out.write(payload);
    }

    @Override
    public void gap(String description) {
        if (!markGaps(verifier.report())) {
            err.println("logcrypt: --- gap: " + description);
        }
    }

    /** Called when the run ends: flushes, and says that the output stopped if a failure ended it. */
    void end() throws IOException {
        out.flush();
        if (!force && !halted && verifier.report().has(Finding.Severity.TAMPERED)) {
            halt();
        }
    }

    private void halt() {
        halted = true;
        err.println("logcrypt: integrity failure: the output ends with the last record verified before it"
                + " (--force also writes the verified records after it and marks the gaps)");
    }

    private boolean markGaps(VerificationReport report) {
        List<Finding> findings = report.findings();
        boolean marked = false;
        for (int i = findingsShown; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding.severity() == Finding.Severity.TAMPERED) {
                err.println("logcrypt: --- gap: " + finding.describe());
                marked = true;
            }
        }
        findingsShown = findings.size();
        return marked;
    }
}
