package dev.logshield.crypto.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of verifying files: every finding, counts, and the verdict as the CLI's exit code
 * (0 intact and closed, 1 tampered or corrupt, 3 key error, 4 intact but unclosed).
 */
public final class VerificationReport {

    /** Exit code: intact and closed. */
    public static final int INTACT = 0;
    /** Exit code: tampered or corrupt. */
    public static final int TAMPERED = 1;
    /** Exit code: usage error (set by the CLI, never by a report). */
    public static final int USAGE = 2;
    /** Exit code: key error. */
    public static final int KEY_ERROR = 3;
    /** Exit code: intact but unclosed. */
    public static final int UNCLOSED = 4;

    private final List<Finding> findings = new ArrayList<>();
    private long segments;
    private long records;
    private long events;
    private long checkpoints;

    void add(Finding finding) {
        findings.add(finding);
    }

    void countSegment() {
        segments++;
    }

    void countRecord(int eventsInRecord) {
        records++;
        events += eventsInRecord;
    }

    void countCheckpoint() {
        checkpoints++;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public long segments() {
        return segments;
    }

    /** DATA records that were authenticated (or, without a key, structurally complete). */
    public long records() {
        return records;
    }

    public long events() {
        return events;
    }

    public long checkpoints() {
        return checkpoints;
    }

    public boolean has(Finding.Severity severity) {
        return findings.stream().anyMatch(f -> f.severity() == severity);
    }

    /** Tampering wins over key errors, key errors over unclosed segments; INFO and CLOCK findings never count. */
    public int exitCode() {
        if (has(Finding.Severity.TAMPERED)) {
            return TAMPERED;
        }
        if (has(Finding.Severity.KEY)) {
            return KEY_ERROR;
        }
        if (has(Finding.Severity.UNCLOSED)) {
            return UNCLOSED;
        }
        return INTACT;
    }

    /** One word for the verdict. */
    public String verdict() {
        return switch (exitCode()) {
            case INTACT -> "INTACT";
            case TAMPERED -> "TAMPERED";
            case KEY_ERROR -> "KEY-ERROR";
            default -> "UNCLOSED";
        };
    }
}
