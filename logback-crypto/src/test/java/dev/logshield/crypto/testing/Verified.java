package dev.logshield.crypto.testing;

import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.verify.Anchor;
import dev.logshield.crypto.verify.FileSeries;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.SealVerifier;
import dev.logshield.crypto.verify.SeriesVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying files through {@link FileSeries} as the CLI does: the report, and every record the
 * verifier released to its output (series index, sequence number, text).
 */
public final class Verified {

    /** A record the verifier output. */
    public record Released(long seriesIndex, long seq, String text) {
    }

    private final VerificationReport report;
    private final List<Released> released;

    private Verified(VerificationReport report, List<Released> released) {
        this.report = report;
        this.released = released;
    }

    /** Options for a reader holding {@code keys} (and, when not null, the auditor's seal chain). */
    public static SeriesVerifier.Options options(List<? extends DataKeyUnwrapper> keys, SealVerifier seal) {
        return new SeriesVerifier.Options(keys, seal == null ? List.of() : List.of(seal), false, List.of(), 0, false);
    }

    public static Verified files(SeriesVerifier.Options options, List<Path> files) throws Exception {
        List<Released> released = new ArrayList<>();
        VerificationReport report = FileSeries.verify(files, options, (core, seq, payload) ->
                released.add(new Released(core.seriesIndex(), seq, new String(payload, StandardCharsets.UTF_8))));
        return new Verified(report, released);
    }

    /** Writes {@code content} to {@code file} and verifies it alone. */
    public static Verified bytes(SeriesVerifier.Options options, Path file, byte[] content) throws Exception {
        Files.write(file, content);
        return files(options, List.of(file));
    }

    public static Verified bytes(DataKeyUnwrapper key, Path file, byte[] content) throws Exception {
        return bytes(options(List.of(key), null), file, content);
    }

    public static SeriesVerifier.Options withAnchors(SeriesVerifier.Options options, List<Anchor> anchors) {
        return new SeriesVerifier.Options(options.keys(), options.seals(), options.expectSealed(), anchors,
                options.skewMs(), options.keepGoing());
    }

    public VerificationReport report() {
        return report;
    }

    public int exitCode() {
        return report.exitCode();
    }

    public List<Released> released() {
        return released;
    }

    public List<String> releasedTexts() {
        return released.stream().map(Released::text).toList();
    }

    /** The first finding that is not a warning (INFO or CLOCK). */
    public Optional<Finding> firstProblem() {
        return report.findings().stream().filter(f -> f.severity() != Finding.Severity.INFO
                && f.severity() != Finding.Severity.CLOCK).findFirst();
    }

    /** The findings of {@code severity}, in order. */
    public List<Finding> all(Finding.Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).toList();
    }

    public Finding first(Finding.Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).findFirst()
                .orElseThrow(() -> new AssertionError("no " + severity + " finding in " + describe()));
    }

    /** Every finding on its own line, for assertion messages. */
    public String describe() {
        StringBuilder out = new StringBuilder("exit ").append(report.exitCode());
        for (Finding finding : report.findings()) {
            out.append("\n  ").append(finding.describe());
        }
        return out.toString();
    }
}
