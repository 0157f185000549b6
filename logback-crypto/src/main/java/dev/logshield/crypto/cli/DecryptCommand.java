package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.verify.FileSeries;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.BufferedOutputStream;
import java.nio.file.Path;
import java.util.List;

/** {@code logcrypt decrypt [keys] [--force] FILE...}: the authenticated records of a series, in order. */
final class DecryptCommand implements Command {

    /** Output buffer: records are small, and stdout would otherwise flush on every one. */
    static final int OUTPUT_BUFFER = 64 * 1024;

    @Override
    public String name() {
        return "decrypt";
    }

    @Override
    public String summary() {
        return "write the authenticated records of files to stdout, in series order";
    }

    @Override
    public String usage() {
        return "logcrypt decrypt [-i IDENTITY_FILE]... [--keystore FILE --alias NAME --password-env VAR]"
                + " [--seal-key FILE|LINE]... [--expect-sealed] [--force] FILE...";
    }

    @Override
    public String description() {
        return """
                Writes the records of the files to standard output, in series order whatever the order of the
                arguments (rotated files and the active file together). Only records that authenticate are written.
                Output stops at the first integrity failure (a modified record, a missing or reordered file, a
                corrupt key block); --force writes the verified records after it too and marks each gap on
                standard error. The verification report goes to standard error.
                A reader's recipient is a public key: anybody can append a segment that authenticates with the
                reader key, and only the host's seal chain proves who wrote it. With the auditor's seal keys
                (--seal-key, one per seal chain of the series) the checkpoints are checked as by verify, and
                output stops at a segment that is not sealed with one of them. Without them, it stops at an
                unsealed segment after a sealed one (a downgrade).
                Exit code: 0 intact and closed, 1 tampered or corrupt, 2 usage, 3 key error, 4 intact but not
                closed (the last file may still be being written).""";
    }

    @Override
    public ArgumentParser parser() {
        ArgumentParser parser = new ArgumentParser(name());
        ReaderKeyOptions.declare(parser);
        SealKeyOption.declare(parser);
        return parser.flag("--force", "after an integrity failure, keep writing the records that verify");
    }

    @Override
    public int run(ParsedArguments arguments, CommandContext context) throws Exception {
        List<Path> files = arguments.files(name());
        List<DataKeyUnwrapper> keys = ReaderKeyOptions.require(arguments, context, name());
        boolean force = arguments.has("--force");
        BufferedOutputStream out = new BufferedOutputStream(context.out(), OUTPUT_BUFFER);
        RecordOutput output = new RecordOutput(out, context.err(), force);
        SeriesVerifier verifier = new SeriesVerifier(
                new SeriesVerifier.Options(keys, SealKeyOption.load(arguments),
                        SealKeyOption.expectSealed(arguments), List.of(), VerifyCommand.DEFAULT_SKEW_MS, force),
                output);
        for (Path file : FileSeries.inSeriesOrder(files)) {
            FileSeries.scan(file, verifier);
        }
        VerificationReport report = verifier.finish();
        output.end(report);
        ReportPrinter.print(report, context.err());
        return report.exitCode();
    }
}
