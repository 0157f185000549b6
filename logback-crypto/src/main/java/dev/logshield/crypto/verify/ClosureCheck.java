package dev.logshield.crypto.verify;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.format.SegmentCore;

/**
 * Decides whether one segment is provably closed, and reports what contradicts its closing (FORMAT.md 13.2).
 *
 * <p>A FINAL frame is 57 bytes that anyone can append to a truncated file; without the record key nobody can tell
 * it from random bytes. So a FINAL proves that the segment was closed only when it authenticates under the record
 * key, or, in a sealed segment of format version 2 whose seal chain the verifier holds, when it directly follows a
 * closing checkpoint that passed every check (its tag covers the closing flag and the frame count) and is the
 * segment's last frame. A FINAL that proves nothing makes the segment UNCLOSED ("closure not provable ..."), never
 * INTACT. The structural rules (what may precede and follow FINAL and a closing checkpoint) need no key: a writer
 * never breaks them.
 */
final class ClosureCheck {

    /** What the record key says about the FINAL frame. */
    enum Authenticity {
        /** It authenticated and states the right frame count and digest. */
        AUTHENTIC,
        /** It failed authentication or states something else (already reported as tampering). */
        FORGED,
        /** No record key: nobody can tell. */
        UNKNOWN
    }

    /** Where the findings go (the segment's file and series index are the caller's). */
    @FunctionalInterface
    interface Findings {
        void add(Finding.Severity severity, long seq, long offset, String message);
    }

    private final SegmentCore core;
    private final boolean sealChainHeld;
    private final Findings findings;

    private long lastFrameSeq = -1;
    private long closingSeq = -1;
    private long checkpointSeq = -1;
    private Checkpoint checkpoint;
    private boolean checkpointValid;
    private long finalSeq = -1;
    private long finalOffset = -1;
    private boolean proven;
    private boolean contradicted;

    /**
     * @param sealChainHeld the verifier holds this segment's seal chain, so a checkpoint that passed every check
     *                      passed its tag check too
     */
    ClosureCheck(SegmentCore core, boolean sealChainHeld, Findings findings) {
        this.core = core;
        this.sealChainHeld = sealChainHeld;
        this.findings = findings;
    }

    /** Every frame, before its own checks: nothing follows FINAL, and only FINAL follows a closing checkpoint. */
    void frame(ScanItem.Frame frame) {
        if (finalSeq >= 0) {
            tampered(frame, "record after FINAL (appended)");
        } else if (closingSeq >= 0 && frame.type() != FrameType.FINAL) {
            tampered(frame, "record after the closing checkpoint at record " + closingSeq + ": only FINAL may follow"
                    + " it (appended, or FINAL replaced)");
        }
        lastFrameSeq = frame.seq();
    }

    /**
     * A checkpoint frame after its own checks.
     *
     * @param decoded the checkpoint, or null when its body is malformed
     * @param valid   it passed every check (with the seal chain, when the verifier holds it)
     */
    void checkpoint(ScanItem.Frame frame, Checkpoint decoded, boolean valid) {
        checkpointSeq = frame.seq();
        checkpoint = decoded;
        checkpointValid = valid && decoded != null;
        if (decoded == null || !decoded.closing()) {
            return;
        }
        if (closingSeq < 0) {
            closingSeq = frame.seq();
        }
        if (decoded.frameCount() != frame.seq() + 2) {
            tampered(frame, "closing checkpoint states " + Long.toUnsignedString(decoded.frameCount())
                    + " frames, but a segment that closes here has " + (frame.seq() + 2) + " (the checkpoint and FINAL)");
            checkpointValid = false;
        }
    }

    /** The FINAL frame: what must precede it, and whether it proves the segment closed. */
    void finalFrame(ScanItem.Frame frame, Authenticity authenticity) {
        if (finalSeq >= 0) {
            return;
        }
        finalSeq = frame.seq();
        finalOffset = frame.offset();
        boolean checkpointBefore = checkpointSeq == frame.seq() - 1;
        boolean closingBefore = checkpointBefore && checkpointValid && checkpoint.closing();
        if (core.sealed() && core.version() == 1 && !(checkpointBefore && checkpointValid)) {
            tampered(frame, "sealed segment closes without a final checkpoint");
        } else if (core.sealed() && core.version() >= 2 && !closingBefore) {
            tampered(frame, checkpointBefore && checkpoint != null && !checkpoint.closing()
                    ? "a running checkpoint, not a closing one, precedes FINAL (records after it removed, FINAL forged)"
                    : "sealed segment closes without a valid closing checkpoint (records removed, FINAL forged)");
        }
        if (authenticity == Authenticity.FORGED) {
            contradicted = true;
        }
        boolean provenBySeal = core.sealed() && core.version() >= 2 && sealChainHeld && closingBefore;
        proven = authenticity == Authenticity.AUTHENTIC || provenBySeal;
    }

    /** True once a FINAL frame was seen, proven or not. */
    boolean finalSeen() {
        return finalSeq >= 0;
    }

    /**
     * The segment's end: not closed, records after FINAL, or a FINAL that proves nothing.
     *
     * @param unsealedRecords frames after the segment's last valid checkpoint (sealed segments)
     */
    void end(ScanItem.SegmentEnd end, long unsealedRecords) {
        if (finalSeq < 0) {
            String why = closingSeq >= 0 && closingSeq == lastFrameSeq
                    ? "its closing checkpoint was written but not FINAL (a crash while closing, or FINAL removed)"
                    : "crash, truncation, or still being written" + (core.sealed() && unsealedRecords > 0
                      ? "; " + unsealedRecords + " record(s) after the last checkpoint are not sealed" : "");
            findings.add(Finding.Severity.UNCLOSED, end.frames(), end.endOffset(), "segment not closed ("
                    + end.frames() + " records): " + why);
        } else if (lastFrameSeq != finalSeq) {
            findings.add(Finding.Severity.TAMPERED, lastFrameSeq, -1, "records follow FINAL");
        } else if (!proven && !contradicted) {
            findings.add(Finding.Severity.UNCLOSED, finalSeq, finalOffset, "FINAL present, but closure not provable"
                    + (core.sealed() && core.version() >= 2 ? " without the reader key or the seal key"
                    : " without a reader key" + (core.version() == 1 ? " (format version 1 has no closing checkpoint)"
                      : " (the segment is not sealed)")));
        }
    }

    private void tampered(ScanItem.Frame frame, String message) {
        contradicted = true;
        findings.add(Finding.Severity.TAMPERED, frame.seq(), frame.offset(), message);
    }
}
