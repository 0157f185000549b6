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
 * {@code logcrypt verify}: checks a series with the reader's keys (every record), the auditor's seal keys (every
 * checkpoint, and that every segment is sealed with one of them), or both, and prints each finding and a verdict.
 */
final class VerifyCommand implements Command {

    /** Default tolerance between record times and checkpoint epochs (threads stamp records slightly apart). */
    static final long DEFAULT_SKEW_MS = 1_000;

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
                + " [--seal-key FILE|LINE]... [--expect-sealed] [--anchor FILE]... [--skew MS] [--quiet] FILE...";
    }

    @Override
    public String description() {
        return """
                Verifies the files as one series (in series order whatever the order of the arguments): the
                structure and the chain between segments and files always; with a reader key (-i or --keystore)
                every record's authentication, the key ratchet and each segment's FINAL; with the auditor's seal
                keys (--seal-key, one per seal chain the series used: give the old and the new key after a
                rotation) every checkpoint's tag, its epoch and the time of the records it covers, without being
                able to read them, and that a sealed segment was closed (its closing checkpoint; format version 2).
                A reader's recipient is a public key, so anybody can write a segment that authenticates with the
                reader key: only the seal chain proves the host wrote it. So with --seal-key every segment must be
                sealed with one of the keys given (it implies --expect-sealed): an unsealed segment, or one sealed
                with another chain, is tampered. Without --seal-key, an unsealed segment after a sealed one is
                tampered (a downgrade), and a change of seal chain is only reported, since it cannot be judged.
                At least one key or --seal-key is required: keyless checks alone prove nothing, since anyone can
                write a well-formed file. The closure of an unsealed segment or of a format version 1 file needs a
                reader key: without one it is reported unclosed (exit 4), never intact.
                Prints each finding (file, segment, record, byte offset, what) and a summary line.
                Exit code: 0 intact and closed, 1 tampered or corrupt, 2 usage, 3 key error (no stanza for the
                reader keys given, an unreadable key: never reported as tampering), 4 intact but not closed (crash,
                truncation, or still being written), or its closure not provable with the keys given.""";
    }

    @Override
    public ArgumentParser parser() {
        ArgumentParser parser = new ArgumentParser(name());
        ReaderKeyOptions.declare(parser);
        SealKeyOption.declare(parser);
        return parser
                .value("--anchor", null, "FILE", true, "file holding external anchor lines (lse-anchor v1 ...)")
                .value("--skew", null, "MS", false, "tolerance for record times around checkpoints (default "
                        + DEFAULT_SKEW_MS + ")")
                .flag("--quiet", "print nothing; the exit code is the verdict");
    }

    @Override
    public int run(ParsedArguments arguments, CommandContext context) throws Exception {
        List<Path> files = arguments.files(name());
        List<DataKeyUnwrapper> keys = ReaderKeyOptions.load(arguments, context);
        List<SealVerifier> seals = SealKeyOption.load(arguments);
        if (keys.isEmpty() && seals.isEmpty()) {
            throw new UsageException("verify needs a reader key (-i, --keystore) or --seal-key:"
                    + " keyless checks alone prove nothing");
        }
        SeriesVerifier.Options options = new SeriesVerifier.Options(keys, seals, SealKeyOption.expectSealed(arguments),
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
