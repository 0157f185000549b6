package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code logcrypt follow [keys] FILE} (also {@code cat --follow}): prints the records of a file and then those
 * written to it, across rotations, until stopped.
 */
final class FollowCommand implements Command {

    /** How often the file is polled for new data and for rotation. */
    static final long POLL_MILLIS = 200;

    @Override
    public String name() {
        return "follow";
    }

    @Override
    public String summary() {
        return "print the records of a file, then those written to it, following rotation (cat --follow)";
    }

    @Override
    public String usage() {
        return "logcrypt follow [-i IDENTITY_FILE]... [--keystore FILE --alias NAME --password-env VAR]"
                + " [--seal-key FILE|LINE]... [--expect-sealed] [--force]"
                + " [--idle-exit SECONDS] [--no-stdin] FILE";
    }

    @Override
    public String description() {
        return """
                Prints the authenticated records already in FILE, then every record as it is written (the file is
                polled every 200 ms; a frame still being written is waited for, never printed in part). When the
                file is rotated (another file appears at the path), the old file is read to its end and the new one
                followed; the new file's first segment must link to the old one's last, so nothing can be lost or
                inserted in between. The output equals what decrypt prints for the final files, with the same
                seal checks (--seal-key, --expect-sealed: see decrypt --help).
                Stops on Ctrl-C, when standard input is closed (unless --no-stdin), or after --idle-exit seconds
                without new data; then reports on standard error like decrypt, with the same exit codes (4 when
                the file is still open, as a file being written is).""";
    }

    @Override
    public ArgumentParser parser() {
        ArgumentParser parser = new ArgumentParser(name());
        ReaderKeyOptions.declare(parser);
        SealKeyOption.declare(parser);
        return parser
                .flag("--force", "after an integrity failure, keep printing the records that verify")
                .value("--idle-exit", null, "SECONDS", false, "stop after this long without new data")
                .flag("--no-stdin", "do not stop when standard input is closed (for background use)")
                .add(new Option("--follow", "-f", null, false, "accepted for 'cat --follow'"));
    }

    @Override
    public int run(ParsedArguments arguments, CommandContext context) throws Exception {
        List<Path> files = arguments.files(name());
        if (files.size() != 1) {
            throw new UsageException("follow takes one file (the path the writer writes to), not " + files.size());
        }
        List<DataKeyUnwrapper> keys = ReaderKeyOptions.require(arguments, context, name());
        long idleExitMillis = idleExitMillis(arguments.value("--idle-exit"));
        boolean force = arguments.has("--force");
        StopSignal stop = new StopSignal();
        if (context.interactive()) {
            stop.stopOnShutdown();
        }
        if (context.stdin() != null && !arguments.has("--no-stdin")) {
            stop.stopAtEndOf(context.stdin());
        }
        BufferedOutputStream out = new BufferedOutputStream(context.out(), DecryptCommand.OUTPUT_BUFFER);
        RecordOutput output = new RecordOutput(out, context.err(), force);
        SeriesVerifier verifier = new SeriesVerifier(
                new SeriesVerifier.Options(keys, SealKeyOption.load(arguments),
                        SealKeyOption.expectSealed(arguments), List.of(), VerifyCommand.DEFAULT_SKEW_MS, force),
                output);
        try {
            VerificationReport report = new FileFollower(files.get(0), verifier, stop, POLL_MILLIS, idleExitMillis,
                    () -> flush(out)).follow();
            output.end(report);
            ReportPrinter.print(report, context.err());
            return report.exitCode();
        } finally {
            stop.finished();
        }
    }

    private static void flush(BufferedOutputStream out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to standard output", e);
        }
    }

    private static long idleExitMillis(String value) throws UsageException {
        if (value == null) {
            return -1;
        }
        try {
            BigDecimal seconds = new BigDecimal(value);
            if (seconds.signum() >= 0) {
                return seconds.movePointRight(3).longValue();
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--idle-exit must be a number of seconds >= 0, not '" + value + "'");
    }
}
