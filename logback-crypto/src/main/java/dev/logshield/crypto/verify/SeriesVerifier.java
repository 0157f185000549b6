package dev.logshield.crypto.verify;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.FormatException;
import dev.logshield.crypto.format.FrameType;
import dev.logshield.crypto.format.Hex;
import dev.logshield.crypto.format.LseFormat;
import dev.logshield.crypto.format.RecordCipher;
import dev.logshield.crypto.format.ScanItem;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentOpener;
import dev.logshield.crypto.keys.DataKeyUnwrapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Checks a rotation series, segment by segment in series order, from the items an {@link dev.logshield.crypto.format.LseScanner}
 * yields: with keys, every record's AEAD, META first, EPOCH ratchets, FINAL count and digest; with the auditor's
 * seal keys (one per seal chain the series used: they are rotated), that every segment is sealed with one of them,
 * and every checkpoint's tag, epoch contiguity and time windows; always, the structure, tails, the chain between
 * segments, that a sealed series is not continued unsealed, and external anchors. Whether each segment is provably
 * closed is the {@code ClosureCheck}'s decision (format versions 1 and 2). Authenticated DATA payloads go to a
 * {@link RecordSink} (decrypt, follow).
 */
public final class SeriesVerifier {

    /** Receives authenticated records in order. */
    public interface RecordSink {
        void record(SegmentCore core, long seq, byte[] payload) throws IOException;

        /** Called where records could not be output (with --force after an integrity failure). */
        default void gap(String description) throws IOException {
        }
    }

    /**
     * @param keys         data-key unwrappers (identities, KEKs); may be empty for a keyless (auditor) check
     * @param seals        the auditor's seal verifiers, one per seal chain of the series (seal keys are rotated);
     *                     may be empty (null is read as empty). When given, every segment must be sealed with one of
     *                     them: an unsealed segment, or one sealed with another chain, is tampered (anybody holding a
     *                     reader's public key can write a segment that authenticates; only the seal chain proves the
     *                     writer)
     * @param expectSealed every segment must carry checkpoints (implied by {@code seals})
     * @param anchors      external anchors to check, may be empty
     * @param skewMs       tolerance for record times against checkpoint epochs
     * @param keepGoing    keep outputting verified records after an integrity failure (marked as a gap)
     */
    public record Options(List<? extends DataKeyUnwrapper> keys, List<? extends SealVerifier> seals,
                          boolean expectSealed, List<Anchor> anchors, long skewMs, boolean keepGoing) {

        public Options {
            seals = seals == null ? List.of() : List.copyOf(seals);
        }
    }

    private record SegmentSummary(String file, long seriesIndex, byte[] id, byte[] digest, long lastCheckpointEpoch) {

        /** This predecessor for a segment sealed with another chain: epochs of two chains are not comparable. */
        SegmentSummary withoutSealEpoch() {
            return new SegmentSummary(file, seriesIndex, id, digest, -1);
        }
    }

    private final Options options;
    private final RecordSink sink;
    private final VerificationReport report = new VerificationReport();
    private final Set<String> seenSegments = new HashSet<>();
    private final Map<String, Map<Long, byte[]>> checkpointDigests = new HashMap<>();
    private final Map<String, Long> segmentFrames = new HashMap<>();
    private final long verifiedAtMs = System.currentTimeMillis();
    private SegmentSummary previous;
    /** The series index and seal chain id of the last sealed segment checked (-1 and null before the first). */
    private long lastSealedSeries = -1;
    private byte[] lastSealChainId;
    private SegmentCheck current;
    private boolean outputHalted;
    private String gapPending;
    /**
     * Findings of the frame being checked, held back while it may be the segment's torn last record (see
     * {@code SegmentCheck.mayBeTornByZeros}); null when findings are reported as they come.
     */
    private List<Finding> heldBack;

    public SeriesVerifier(Options options, RecordSink sink) {
        this.options = options;
        this.sink = sink;
    }

    /** Feeds the next scanner item of {@code file}. */
    public void accept(String file, ScanItem item) throws IOException {
        if (item instanceof ScanItem.SegmentStart start) {
            current = new SegmentCheck(file, start);
        } else if (item instanceof ScanItem.Frame frame) {
            if (current != null) {
                current.frame(frame);
            }
        } else if (item instanceof ScanItem.SegmentEnd end) {
            if (current != null) {
                current.end(end);
                current = null;
            }
        } else if (item instanceof ScanItem.Stray stray) {
            ScanItem.Tail tail = stray.tail();
            if (stray.unsupportedVersion() >= 0) {
                // fail closed: a segment this reader cannot judge is never passed over as if it were not there
                add(Finding.Severity.TAMPERED, file, -1, -1, tail.offset(), SegmentCore.unsupportedVersion(
                        stray.unsupportedVersion()) + ": " + tail.length() + " bytes not checked; verify them with a"
                        + " reader that knows that version");
            } else if (tail.kind() == ScanItem.Tail.Kind.TORN || tail.kind() == ScanItem.Tail.Kind.ZERO_FILLED) {
                // the segment after it (if any) must still link to the one before it: the chain check decides
                add(Finding.Severity.UNCLOSED, file, -1, -1, tail.offset(), (tail.kind() == ScanItem.Tail.Kind.TORN
                        ? "segment header cut short (" + tail.length() + " bytes)"
                        : tail.length() + " zero bytes where a segment header was being written")
                        + ": crash while starting a segment"
                        + (tail.followedBySegment() ? "; the writer restarted after it" : ""));
            } else {
                add(Finding.Severity.TAMPERED, file, -1, -1, tail.offset(), tail.offset() == 0
                        ? "not an LSE file, or its header is corrupt (" + tail.length() + " bytes)"
                        : tail.length() + " bytes that belong to no segment (" + describe(tail.kind()) + ")");
            }
        }
    }

    /** Notes that {@code file} has no segment at all. */
    public void emptyFile(String file) {
        add(Finding.Severity.UNCLOSED, file, -1, -1, 0, "empty file: created but nothing written (crash at creation)");
    }

    /** Ends verification: checks the anchors and returns the report. */
    public VerificationReport finish() {
        for (Anchor anchor : options.anchors()) {
            Map<Long, byte[]> digests = checkpointDigests.get(anchor.segmentIdHex());
            if (!seenSegments.contains(anchor.segmentIdHex())) {
                add(Finding.Severity.TAMPERED, null, anchor.seriesIndex(), anchor.seq(), -1, "anchored segment "
                        + anchor.segmentIdHex() + " is missing: its file was deleted or not given");
                continue;
            }
            byte[] seen = digests == null ? null : digests.get(anchor.seq());
            byte[] anchored = Base64.getDecoder().decode(anchor.digestBase64());
            if (seen == null) {
                long frames = segmentFrames.getOrDefault(anchor.segmentIdHex(), 0L);
                add(Finding.Severity.TAMPERED, null, anchor.seriesIndex(), anchor.seq(), -1, frames <= anchor.seq()
                        ? "segment ends at record " + frames + " but an anchor proves record " + anchor.seq()
                          + " existed: truncated"
                        : "anchored checkpoint at record " + anchor.seq() + " is not in the file: modified");
            } else if (!MessageDigest.isEqual(seen, anchored)) {
                add(Finding.Severity.TAMPERED, null, anchor.seriesIndex(), anchor.seq(), -1,
                        "checkpoint differs from its external anchor: records before it were modified");
            }
        }
        return report;
    }

    public VerificationReport report() {
        return report;
    }

    /**
     * Records a finding (or holds it back with the frame it is about); the first integrity failure stops the
     * output of records (see {@link #release}).
     */
    private void add(Finding.Severity severity, String file, long series, long seq, long offset, String message) {
        Finding finding = new Finding(severity, file, series, seq, offset, message);
        if (heldBack != null) {
            heldBack.add(finding);
        } else {
            report(finding);
        }
    }

    private void report(Finding finding) {
        report.add(finding);
        Finding.Severity severity = finding.severity();
        if (severity == Finding.Severity.TAMPERED) {
            outputHalted = true;
            if (gapPending == null) {
                gapPending = finding.describe();
            }
        }
    }

    /**
     * Outputs an authenticated record, unless an integrity failure was found before it: then only with
     * {@code keepGoing}, after a gap mark.
     */
    private void release(SegmentCore core, long seq, byte[] payload) throws IOException {
        if (outputHalted && !options.keepGoing()) {
            return;
        }
        if (gapPending != null) {
            sink.gap(gapPending);
            gapPending = null;
        }
        sink.record(core, seq, payload);
    }

    /** The seal epoch that contains {@code timeMs}, or -1 before the origin. */
    private static long epochOf(SealVerifier seal, long timeMs) {
        long intervalMs = seal.intervalSeconds() * 1000L;
        if (intervalMs <= 0 || timeMs < seal.originMs()) {
            return -1;
        }
        return (timeMs - seal.originMs()) / intervalMs;
    }

    /** {@code seal epoch 4 has} or {@code seal epochs 4..9 have}. */
    private static String epochs(long first, long last) {
        return first == last ? "seal epoch " + first + " has" : "seal epochs " + first + ".." + last + " have";
    }

    private static String describe(ScanItem.Tail.Kind kind) {
        return switch (kind) {
            case TORN -> "torn";
            case ZERO_FILLED -> "zero-filled";
            case GARBAGE -> "not frames";
        };
    }

    /** The checks of one segment. */
    private final class SegmentCheck {
        private final String file;
        private final SegmentCore core;
        private final long series;
        private final String idHex;
        private final byte[] id;
        private RecordCipher cipher;
        /** The auditor's seal chain when it is this segment's (same epochs), else null: checkpoints not judged. */
        private SealVerifier sealChain;
        private final ClosureCheck closure;
        private long lastFrameSeq = -1;
        private long firstFailureSeq = -1;
        private long failures;
        private long successesAfterFailure;
        private long lastCheckpointEpoch = -1;
        private long framesSinceCheckpoint;
        private long pendingMinMs = Long.MAX_VALUE;
        private long pendingMaxMs = Long.MIN_VALUE;
        /** The frame whose findings are held back, if any. */
        private ScanItem.Frame heldFrame;
        private boolean futureReported;

        SegmentCheck(String file, ScanItem.SegmentStart start) throws IOException {
            this.file = file;
            this.core = start.core();
            this.series = core.seriesIndex();
            this.id = core.segmentId();
            this.idHex = Hex.of(id);
            report.countSegment();
            checkChain(start.offset());
            if (core.sealed()) {
                sealChain = selectSealChain(start.offset());
            } else {
                checkUnsealed(start.offset());
            }
            if (!options.keys().isEmpty()) {
                SegmentOpener.Result opened = SegmentOpener.open(core, start.keyBlock(), options.keys());
                if (opened instanceof SegmentOpener.Opened ok) {
                    cipher = ok.cipher();
                } else if (opened instanceof SegmentOpener.NoMatchingKey noKey) {
                    add(Finding.Severity.KEY, file, series, -1, start.offset(), noKey.message());
                } else if (opened instanceof SegmentOpener.Corrupt corrupt) {
                    add(Finding.Severity.TAMPERED, file, series, -1, start.offset(), corrupt.message());
                }
            }
            closure = new ClosureCheck(core, sealChain != null,
                    (severity, seq, offset, message) -> add(severity, file, series, seq, offset, message));
        }

        /**
         * An unsealed segment: tampered when sealing is expected, which a seal key implies, and when it follows a
         * sealed segment of the series (a downgrade: whoever holds a reader's public key can write it).
         */
        private void checkUnsealed(long offset) {
            if (!options.seals().isEmpty()) {
                add(Finding.Severity.TAMPERED, file, series, -1, offset, "segment is not sealed, but a seal key was"
                        + " given: every segment must be sealed with one of the given seal keys (--seal-key implies"
                        + " --expect-sealed)");
            } else if (options.expectSealed()) {
                add(Finding.Severity.TAMPERED, file, series, -1, offset,
                        "segment is not sealed but sealing is expected (--expect-sealed)");
            } else if (lastSealedSeries >= 0) {
                add(Finding.Severity.TAMPERED, file, series, -1, offset, "segment is not sealed, after sealed segment "
                        + lastSealedSeries + " of the series: a downgrade, which anybody holding a reader's public key"
                        + " can write (a writer whose sealing is turned off must start a new series)");
            }
        }

        /**
         * The given seal chain this sealed segment names (chain id, origin and interval of its header), or null.
         * With seal keys given, a segment sealed with none of them is tampered: it could be anybody's. A change of
         * chain from the previous sealed segment is a rotation when both chains were given, and cannot be judged
         * without the seal keys.
         */
        private SealVerifier selectSealChain(long offset) {
            byte[] chainId = core.sealChainId();
            SealVerifier selected = given(chainId);
            if (!options.seals().isEmpty()) {
                if (selected == null) {
                    add(Finding.Severity.TAMPERED, file, series, -1, offset, "segment is sealed with seal key chain "
                            + Hex.of(chainId) + ", which is none of the given seal keys (" + givenChains() + "): it was"
                            + " not written by the host, or its seal key was rotated and that verification key not"
                            + " given (give every seal key of the series with --seal-key)");
                } else if (core.sealOriginMs() != selected.originMs()
                        || core.sealIntervalSeconds() != selected.intervalSeconds()) {
                    add(Finding.Severity.TAMPERED, file, series, -1, offset, "segment names seal key chain "
                            + Hex.of(chainId) + " with other epochs (origin " + core.sealOriginMs() + " ms, interval "
                            + core.sealIntervalSeconds() + " s) than that chain's (origin " + selected.originMs()
                            + " ms, interval " + selected.intervalSeconds() + " s): a forged header");
                    selected = null;
                }
            }
            if (sealChainChanged(chainId)) {
                // the new chain numbers its epochs from its own origin
                previous = previous == null ? null : previous.withoutSealEpoch();
                if (options.seals().isEmpty()) {
                    add(Finding.Severity.INFO, file, series, -1, offset, "segment is sealed with seal key chain "
                            + Hex.of(chainId) + ", sealed segment " + lastSealedSeries + " with chain "
                            + Hex.of(lastSealChainId) + ": a rotated seal key, or a segment sealed by someone else;"
                            + " only the seal keys (--seal-key) tell them apart");
                } else if (selected != null && given(lastSealChainId) != null) {
                    add(Finding.Severity.INFO, file, series, -1, offset, "seal key rotated: segment is sealed with"
                            + " chain " + Hex.of(chainId) + ", sealed segment " + lastSealedSeries + " with chain "
                            + Hex.of(lastSealChainId) + " (both given)");
                }
            }
            lastSealedSeries = series;
            lastSealChainId = chainId;
            return selected;
        }

        /** The given seal chain of this id, or null. */
        private SealVerifier given(byte[] chainId) {
            for (SealVerifier seal : options.seals()) {
                if (MessageDigest.isEqual(chainId, seal.chainId())) {
                    return seal;
                }
            }
            return null;
        }

        private boolean sealChainChanged(byte[] chainId) {
            return lastSealChainId != null && !MessageDigest.isEqual(lastSealChainId, chainId);
        }

        private String givenChains() {
            StringJoiner ids = new StringJoiner(", ", options.seals().size() == 1 ? "chain " : "chains ", "");
            for (SealVerifier seal : options.seals()) {
                ids.add(Hex.of(seal.chainId()));
            }
            return ids.toString();
        }

        private void checkChain(long offset) {
            if (!seenSegments.add(idHex)) {
                add(Finding.Severity.TAMPERED, file, series, -1, offset, "segment " + idHex + " appears twice (duplicated)");
                return;
            }
            if (previous == null) {
                if (!core.startsSeries()) {
                    add(Finding.Severity.INFO, file, series, -1, offset, "series starts at segment " + series
                            + ": earlier segments were not given (or removed by retention)");
                }
                return;
            }
            long expected = previous.seriesIndex() + 1;
            if (series != expected) {
                add(Finding.Severity.TAMPERED, file, series, -1, offset, series > expected
                        ? "segment(s) " + expected + ".." + (series - 1) + " of the series are missing (deleted)"
                        : "segment " + series + " is out of order after segment " + previous.seriesIndex()
                          + " (files reordered or swapped)");
                return;
            }
            if (!MessageDigest.isEqual(core.previousSegmentId(), previous.id())
                    || !MessageDigest.isEqual(core.previousDigest(), previous.digest())) {
                add(Finding.Severity.TAMPERED, file, series, -1, offset, "chain broken: this segment does not follow segment "
                        + previous.seriesIndex() + " as it now is in " + previous.file()
                        + " (a segment was replaced, modified or truncated)");
            }
        }

        void frame(ScanItem.Frame frame) throws IOException {
            // a frame follows, so the one held back was not the segment's last: its findings stand
            reportHeldBack();
            long seq = frame.seq();
            closure.frame(frame);
            if (seq == 0 && frame.type() != FrameType.META) {
                add(Finding.Severity.TAMPERED, file, series, seq, frame.offset(), "first record is " + frame.type()
                        + ", not META");
            }
            if (seq == 1 && core.sealed() && frame.type() != FrameType.CHECKPOINT) {
                add(Finding.Severity.TAMPERED, file, series, seq, frame.offset(),
                        "sealed segment does not open with a checkpoint");
            }
            lastFrameSeq = seq;
            if (mayBeTornByZeros(frame)) {
                heldBack = new ArrayList<>();
                heldFrame = frame;
            }
            if (frame.type() == FrameType.CHECKPOINT) {
                checkpoint(frame);
                return;
            }
            framesSinceCheckpoint++;
            byte[] plain = null;
            if (cipher != null) {
                try {
                    plain = cipher.open(seq, frame.type(), frame.body(), 0, frame.body().length);
                    // an authentic record is no torn one, whatever it ends with
                    reportHeldBack();
                    if (firstFailureSeq >= 0) {
                        successesAfterFailure++;
                    }
                } catch (GeneralSecurityException e) {
                    failures++;
                    if (firstFailureSeq < 0) {
                        firstFailureSeq = seq;
                    }
                    add(Finding.Severity.TAMPERED, file, series, seq, frame.offset(), frame.type()
                            + " record fails authentication (modified, moved, reordered or from another file)");
                }
            }
            switch (frame.type()) {
                case DATA -> data(frame, plain);
                case EPOCH -> epoch(frame, plain);
                case FINAL -> finalRecord(frame, plain);
                case META -> meta(frame, plain);
                default -> { }
            }
        }

        private void data(ScanItem.Frame frame, byte[] plain) throws IOException {
            if (cipher == null) {
                report.countRecord(0);
                return;
            }
            if (plain == null) {
                return;
            }
            if (plain.length < 12) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(), "DATA record too short");
                return;
            }
            ByteBuffer in = ByteBuffer.wrap(plain);
            long sealedMs = in.getLong();
            int events = in.getInt();
            pendingMinMs = Math.min(pendingMinMs, sealedMs);
            pendingMaxMs = Math.max(pendingMaxMs, sealedMs);
            report.countRecord(events);
            byte[] payload = new byte[plain.length - 12];
            System.arraycopy(plain, 12, payload, 0, payload.length);
            release(core, frame.seq(), payload);
        }

        private void epoch(ScanItem.Frame frame, byte[] plain) {
            if (cipher == null) {
                return;
            }
            if (plain != null) {
                long next = plain.length >= 8 ? ByteBuffer.wrap(plain).getLong() : -1;
                if (next != cipher.epoch() + 1) {
                    add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(),
                            "EPOCH record announces key epoch " + next + " after epoch " + cipher.epoch());
                }
            }
            // ratchet on the type alone: after a damaged EPOCH record, later records still open
            cipher.ratchet();
        }

        private void finalRecord(ScanItem.Frame frame, byte[] plain) {
            closure.finalFrame(frame, cipher == null ? ClosureCheck.Authenticity.UNKNOWN
                    : plain != null && finalMatches(frame, plain) ? ClosureCheck.Authenticity.AUTHENTIC
                    : ClosureCheck.Authenticity.FORGED);
        }

        private boolean finalMatches(ScanItem.Frame frame, byte[] plain) {
            if (plain.length < 8 + 32) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(), "FINAL record too short");
                return false;
            }
            ByteBuffer in = ByteBuffer.wrap(plain);
            long count = in.getLong();
            byte[] digest = new byte[32];
            in.get(digest);
            if (count != frame.seq() || !MessageDigest.isEqual(digest, frame.digestBefore())) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(),
                        "FINAL record does not match the records before it (count " + count + ", found " + frame.seq()
                        + ")");
                return false;
            }
            return true;
        }

        private void meta(ScanItem.Frame frame, byte[] plain) {
            if (frame.seq() != 0) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(), "META record out of place");
            }
            if (plain != null) {
                try {
                    SegmentMetadata.decode(plain);
                } catch (FormatException e) {
                    add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(), e.getMessage());
                }
            }
        }

        private void checkpoint(ScanItem.Frame frame) {
            report.countCheckpoint();
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.decode(core.version(), frame.body());
            } catch (FormatException e) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(), e.getMessage());
                closure.checkpoint(frame, null, false);
                return;
            }
            boolean valid = true;
            if (!core.sealed()) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(),
                        "checkpoint in a segment that is not sealed");
                valid = false;
            }
            if (checkpoint.seq() != frame.seq() || !MessageDigest.isEqual(checkpoint.digest(), frame.digestBefore())) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(),
                        "checkpoint does not match the records before it (records modified, removed or inserted)");
                valid = false;
            }
            checkpointDigests.computeIfAbsent(idHex, k -> new HashMap<>()).put(frame.seq(), checkpoint.digest());
            if (sealChain != null) {
                valid &= sealedInItsEpoch(frame, checkpoint, sealChain);
            }
            closure.checkpoint(frame, checkpoint, valid);
            if (!valid) {
                // later checkpoints are compared with the last good one
                return;
            }
            lastCheckpointEpoch = checkpoint.epoch();
            framesSinceCheckpoint = 0;
            pendingMinMs = Long.MAX_VALUE;
            pendingMaxMs = Long.MIN_VALUE;
        }

        /**
         * The seal checks. The epoch and time fields are checked against each other and against the verification
         * time before the epoch's key is derived: a corrupted epoch number must not make the verifier walk the
         * key chain for billions of steps.
         */
        private boolean sealedInItsEpoch(ScanItem.Frame frame, Checkpoint checkpoint, SealVerifier seal) {
            long t = checkpoint.epoch();
            if (t != epochOf(seal, checkpoint.timeMs())) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(),
                        "checkpoint time lies outside its epoch " + t);
                return false;
            }
            if (checkpoint.timeMs() > verifiedAtMs + options.skewMs() && !datedInReach(frame, checkpoint, seal)) {
                return false;
            }
            byte[] key = seal.keyAt(t);
            boolean valid = checkpoint.verifies(key, id);
            Arrays.fill(key, (byte) 0);
            if (!valid) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(), "checkpoint for epoch "
                        + t + " is not sealed with that epoch's key (forged or re-sealed)");
                return false;
            }
            valid = epochOrder(frame, checkpoint);
            if (pendingMinMs != Long.MAX_VALUE) {
                // a writer seals every record in the epoch of the checkpoint that follows it, whatever its clock did
                // (FORMAT.md 9.3): a record dated in an earlier epoch was re-sealed with a later key, gap or no gap
                long start = seal.epochStartMs(t);
                long end = seal.epochStartMs(t + 1);
                if (pendingMinMs < start - options.skewMs() || pendingMaxMs >= end + options.skewMs()) {
                    add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(),
                            "records dated outside seal epoch " + t + " of the checkpoint that seals them (old"
                            + " records re-sealed with a later key)");
                    valid = false;
                }
            }
            return valid;
        }

        /**
         * A checkpoint dated after the verification time: the writer's clock ran ahead (a forward step, perhaps
         * corrected since: its seal keys cannot go back) or this machine's clock is behind. Reported once per
         * segment as CLOCK while its epoch is within {@link LseFormat#MAX_SEAL_ADVANCE_EPOCHS} of the verification
         * time's epoch, as far as a writer advances at once; beyond that it is not judged (its key is not derived)
         * and is TAMPERED.
         */
        private boolean datedInReach(ScanItem.Frame frame, Checkpoint checkpoint, SealVerifier seal) {
            long t = checkpoint.epoch();
            long ahead = t - Math.max(0, epochOf(seal, verifiedAtMs));
            if (ahead > LseFormat.MAX_SEAL_ADVANCE_EPOCHS) {
                add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(), "checkpoint for epoch " + t
                        + " is dated " + ahead + " seal epochs after the verification time, more than a writer"
                        + " advances at once (" + LseFormat.MAX_SEAL_ADVANCE_EPOCHS + "): forged, or a wildly wrong"
                        + " clock; not checked further");
                return false;
            }
            if (!futureReported) {
                futureReported = true;
                add(Finding.Severity.CLOCK, file, series, frame.seq(), frame.offset(), "checkpoint for epoch " + t
                        + " is dated " + (checkpoint.timeMs() - verifiedAtMs) + " ms after the verification time"
                        + " (later ones of this segment are not reported again): the writer's clock ran ahead, or"
                        + " this machine's clock is behind");
            }
            return true;
        }

        private boolean epochOrder(ScanItem.Frame frame, Checkpoint checkpoint) {
            long t = checkpoint.epoch();
            if (lastCheckpointEpoch >= 0) {
                if (t < lastCheckpointEpoch) {
                    add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(), "checkpoint epochs go"
                            + " back from " + lastCheckpointEpoch + " to " + t + " (checkpoints moved or reordered)");
                    return false;
                }
                if (t > lastCheckpointEpoch + 1) {
                    add(Finding.Severity.CLOCK, file, series, frame.seq(), frame.offset(), "checkpoint epochs jump"
                            + " from " + lastCheckpointEpoch + " to " + t + ": " + epochs(lastCheckpointEpoch + 1, t - 1)
                            + " no checkpoint. The writer's clock stepped forward, or nothing ran for over an epoch (a"
                            + " suspended host, a stall); someone holding a later seal key who removed those epochs'"
                            + " records and checkpoints looks the same to the seal: a record key or an anchor tells them"
                            + " apart");
                }
            } else if (previous != null && previous.lastCheckpointEpoch() >= 0 && previous.seriesIndex() == series - 1) {
                long before = previous.lastCheckpointEpoch();
                if (t < before) {
                    add(Finding.Severity.TAMPERED, file, series, frame.seq(), frame.offset(),
                            "segment opens at seal epoch " + t + ", before its predecessor's last epoch " + before);
                    return false;
                } else if (t > before + 1) {
                    add(Finding.Severity.INFO, file, series, frame.seq(), frame.offset(), epochs(before + 1, t - 1)
                            + " no checkpoint: the writer was not running (a restart), or its"
                            + " clock stepped forward at a rollover");
                }
            }
            return true;
        }

        void end(ScanItem.SegmentEnd end) {
            segmentFrames.put(idHex, end.frames());
            ScanItem.Tail tail = end.tail();
            boolean tornLast = tornByZeros(end);
            if (tail != null) {
                String what = tail.length() + " byte(s) after the last whole record";
                String restarted = tail.followedBySegment() ? "; the writer restarted after it" : "";
                switch (tail.kind()) {
                    case TORN -> add(Finding.Severity.UNCLOSED, file, series, end.frames(), tail.offset(),
                            what + ": torn tail (a write cut short by a crash)" + restarted);
                    case ZERO_FILLED -> add(Finding.Severity.UNCLOSED, file, series, end.frames(), tail.offset(),
                            what + ": zero-filled tail (crash before the data reached the disk)" + restarted);
                    case GARBAGE -> add(Finding.Severity.TAMPERED, file, series, end.frames(), tail.offset(),
                            what + ": not valid records (corrupt or tampered)");
                }
            }
            if (!tornLast && firstFailureSeq >= 0 && successesAfterFailure == 0 && failures == 1
                    && lastFrameSeq == firstFailureSeq && !closure.finalSeen()) {
                add(Finding.Severity.TAMPERED, file, series, firstFailureSeq, -1,
                        "the failing record is the segment's last: a corrupt tail (crash garbage or tampering)");
            }
            closure.end(end, framesSinceCheckpoint);
            if (cipher != null) {
                cipher.destroy();
            }
            previous = new SegmentSummary(file, series, id, end.digest(),
                    lastCheckpointEpoch >= 0 ? lastCheckpointEpoch : previousEpoch());
        }

        private long previousEpoch() {
            return previous != null ? previous.lastCheckpointEpoch() : -1;
        }

        /**
         * A frame whose last bytes are zeros may be a record torn by a power cut: its length field reached the
         * disk, the page holding the rest of it did not, and the file system shows that page as zeros. Whether it
         * is depends on what follows it, so the findings of its checks are held back until then. FINAL is never a
         * torn record: the writer forces it at a clean close, and one that does not authenticate is forged.
         */
        private boolean mayBeTornByZeros(ScanItem.Frame frame) {
            byte[] body = frame.body();
            return frame.type() != FrameType.FINAL && body.length > 0 && body[body.length - 1] == 0;
        }

        /**
         * At the segment's end: whether its last frame failed its checks and ends in zeros that run to the end of
         * the segment's bytes (the file's end, more zeros, or a restarted segment that must still link to it).
         * That is a record torn by a crash, reported as unclosed in place of its failures, as a truncation at its
         * start would be; anywhere else its failures stand (reported here).
         */
        private boolean tornByZeros(ScanItem.SegmentEnd end) {
            List<Finding> held = heldBack;
            heldBack = null;
            if (held == null || held.isEmpty()) {
                return false;
            }
            ScanItem.Tail tail = end.tail();
            if (tail != null && tail.kind() != ScanItem.Tail.Kind.ZERO_FILLED) {
                held.forEach(SeriesVerifier.this::report);
                return false;
            }
            byte[] body = heldFrame.body();
            int zeros = 0;
            while (zeros < body.length && body[body.length - 1 - zeros] == 0) {
                zeros++;
            }
            add(Finding.Severity.UNCLOSED, file, series, heldFrame.seq(), heldFrame.offset(), heldFrame.length()
                    + "-byte " + heldFrame.type() + " record whose last " + zeros + " byte(s) are zeros up to the"
                    + " end of the segment does not verify: torn tail (a crash before the data reached the disk)");
            return true;
        }

        /** Reports the findings held back with the frame before (they stand) and stops holding findings back. */
        private void reportHeldBack() {
            List<Finding> held = heldBack;
            heldBack = null;
            if (held != null) {
                held.forEach(SeriesVerifier.this::report);
            }
        }
    }
}
