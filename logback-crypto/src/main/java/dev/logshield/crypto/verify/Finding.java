package dev.logshield.crypto.verify;

/**
 * One thing a verification found, located precisely: file, segment (series index), frame sequence number and
 * byte offset (-1 when not applicable).
 */
public record Finding(Severity severity, String file, long seriesIndex, long seq, long offset, String message) {

    /** How bad a finding is; the verdict is the worst of them. */
    public enum Severity {
        /** Worth knowing, not a problem (series start, declared downtime, a change of seal chain). */
        INFO,
        /**
         * The writer's clock stepped: seal epochs without checkpoints inside a segment (a forward step, a suspended
         * host), or checkpoints dated after the verification time. A warning ranked like INFO: it never changes the
         * verdict or the exit code; records dated outside the epoch that seals them stay TAMPERED.
         */
        CLOCK,
        /** Intact so far but not provably complete: unclosed segment, torn or zero-filled tail. */
        UNCLOSED,
        /** A key problem: no stanza for the given keys, unreadable key. Never a tampering verdict. */
        KEY,
        /** Modified, deleted, reordered, forged or corrupt content. */
        TAMPERED
    }

    /** One line for a report: {@code file: segment 3, record 17 at byte 4211: message}. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(severity).append(' ').append(file == null ? "-" : file);
        if (seriesIndex >= 0) {
            line.append(": segment ").append(seriesIndex);
        }
        if (seq >= 0) {
            line.append(", record ").append(seq);
        }
        if (offset >= 0) {
            line.append(" at byte ").append(offset);
        }
        return line.append(": ").append(message).toString();
    }
}
