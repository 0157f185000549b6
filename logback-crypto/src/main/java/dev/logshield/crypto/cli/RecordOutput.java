package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Writes the records a {@link SeriesVerifier} releases to the output, in order, and marks on standard error each
 * gap it reports. The verifier releases only records that authenticate, and none after the first integrity
 * failure unless it was told to keep going ({@code --force}), so the output is a verified prefix of the series, or
 * with {@code --force} every verified record with its gaps marked.
 */
final class RecordOutput implements SeriesVerifier.RecordSink {

    private final OutputStream out;
    private final PrintStream err;
    private final boolean force;

    RecordOutput(OutputStream out, PrintStream err, boolean force) {
        this.out = out;
        this.err = err;
        this.force = force;
    }

    @Override
    public void record(SegmentCore core, long seq, byte[] payload) throws IOException {
        out.write(payload);
    }

    @Override
    public void gap(String description) {
        err.println("logcrypt: --- gap: " + description);
    }

    /** Ends the output: flushes it, and says that it stopped early when an integrity failure stopped it. */
    void end(VerificationReport report) throws IOException {
        out.flush();
        if (!force && report.has(Finding.Severity.TAMPERED)) {
            err.println("logcrypt: integrity failure: the output ends with the last record verified before it"
                    + " (--force also writes the verified records after it and marks the gaps)");
        }
    }
}
