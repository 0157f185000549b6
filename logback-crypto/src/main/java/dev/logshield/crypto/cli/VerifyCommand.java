package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.verify.Anchor;
import dev.logshield.crypto.verify.FileSeries;
import dev.logshield.crypto.verify.SealVerifier;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code logcrypt verify}: checks a series with the reader's keys (every record), the auditor's seal key (every
 * checkpoint), or both, and prints each finding and a verdict.
 */
final class VerifyCommand implements Command {

    /** Default tolerance between record times and checkpoint epochs (threads stamp records slightly apart). */
    private static final long DEFAULT_SKEW_MS = 1_000;

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "check integrity (records, chain, checkpoints, anchors) and print the findings and a verdict";
    }

    @Override
    public String usage() {
        return "logcrypt verify [-i IDENTITY_FILE]... [--keystore FILE --alias NAME --password-env VAR]"
                + " [--seal-key FILE|LINE] [--expect-sealed] [--anchor FILE]... [--skew MS] [--quiet] FILE...";
    }

    @Override
    public String description() {
        return """
                Verifies the files as one series (in series order whatever the order of the arguments): the
                structure and the chain between segments and files always; with a reader key (-i or --keystore)
                every record's authentication, the key ratchet and each segment's FINAL; with the auditor's seal
                key (--seal-key) every checkpoint's tag, its epoch and the time of the records it covers, without
                being able to read them, and that a sealed segment was closed (its closing checkpoint; format
                version 2). At least one key or --seal-key is required: keyless checks alone prove nothing, since
                anyone can write a well-formed file. The closure of an unsealed segment or of a format version 1
                file needs a reader key: without one it is reported unclosed (exit 4), never intact.
                Prints each finding (file, segment, record, byte offset, what) and a summary line.
                Exit code: 0 intact and closed, 1 tampered or corrupt, 2 usage, 3 key error (a wrong key is never
                reported as tampering), 4 intact but not closed (crash, truncation, or still being written), or
                its closure not provable with the keys given.""";
    }

    @Override
    public ArgumentParser parser() {
        ArgumentParser parser = new ArgumentParser(name());
        ReaderKeyOptions.declare(parser);
        return parser
                .value("--seal-key", null, "FILE|LINE", false,
                        "auditor's seal verification key: a file, or the LSE-SEAL-VERIFY-1 line itself")
                .flag("--expect-sealed", "every segment must carry checkpoints (fail unsealed ones)")
                .value("--anchor", null, "FILE", true, "file holding external anchor lines (lse-anchor v1 ...)")
                .value("--skew", null, "MS", false, "tolerance for record times around checkpoints (default "
                        + DEFAULT_SKEW_MS + ")")
                .flag("--quiet", "print nothing; the exit code is the verdict");
    }

    @Override
    public int run(ParsedArguments arguments, CommandContext context) throws Exception {
        List<Path> files = arguments.files(name());
        List<DataKeyUnwrapper> keys = ReaderKeyOptions.load(arguments, context);
        SealVerifier seal = arguments.has("--seal-key") ? SealKeyOption.load(arguments.value("--seal-key")) : null;
        if (keys.isEmpty() && seal == null) {
            throw new UsageException("verify needs a reader key (-i, --keystore) or --seal-key:"
                    + " keyless checks alone prove nothing");
        }
        SeriesVerifier.Options options = new SeriesVerifier.Options(keys, seal, arguments.has("--expect-sealed"),
                anchors(arguments), skew(arguments), false);
        VerificationReport report = FileSeries.verify(files, options, (core, seq, payload) -> { });
        if (!arguments.has("--quiet")) {
            ReportPrinter.print(report, context.out());
        }
        return report.exitCode();
    }

    private static List<Anchor> anchors(ParsedArguments arguments) throws Exception {
        List<Anchor> anchors = new ArrayList<>();
        for (String name : arguments.values("--anchor")) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no such anchor file: " + name);
            }
            List<Anchor> found = Anchor.parseAll(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            if (found.isEmpty()) {
                throw new UsageException("no anchor lines (lse-anchor v1 ...) in " + name);
            }
            anchors.addAll(found);
        }
        return anchors;
    }

    private static long skew(ParsedArguments arguments) throws UsageException {
        String value = arguments.value("--skew");
        if (value == null) {
            return DEFAULT_SKEW_MS;
        }
        try {
            long skew = Long.parseLong(value);
            if (skew >= 0) {
                return skew;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--skew must be a number of milliseconds >= 0, not '" + value + "'");
    }
}
