package dev.logshield.crypto.format;

import dev.logshield.crypto.keys.CorruptStanzaException;
import dev.logshield.crypto.keys.DataKeyUnwrapper;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recovers a segment's record cipher from its key block with the reader's keys, telling a key problem (none of
 * the keys is a recipient) from a modified key block (a stanza for one of the keys does not open, or the key
 * block MAC fails).
 */
public final class SegmentOpener {

    /** The outcome of opening a segment. */
    public sealed interface Result {
    }

    /** The data key was recovered and the key block verified. */
    public record Opened(RecordCipher cipher, String by) implements Result {
    }

    /** None of the keys can open this segment: a key error, not tampering. */
    public record NoMatchingKey(String message) implements Result {
    }

    /** A stanza addressed to one of the keys failed, or the key block MAC did not verify: modified header. */
    public record Corrupt(String message) implements Result {
    }

    private SegmentOpener() {
    }

    public static Result open(SegmentCore core, KeyBlock keyBlock, List<? extends DataKeyUnwrapper> keys) {
        byte[] segmentId = core.segmentId();
        for (DataKeyUnwrapper key : keys) {
            Optional<byte[]> dataKey;
            try {
                dataKey = key.unwrap(keyBlock.stanzas(), segmentId);
            } catch (CorruptStanzaException e) {
                return new Corrupt("key block stanza for " + key.describe() + " does not open: " + e.getMessage());
            }
            if (dataKey.isPresent()) {
                byte[] dek = dataKey.get();
                try {
                    if (!keyBlock.macMatches(core, dek)) {
                        return new Corrupt("key block MAC does not verify: header or key block modified");
                    }
                    return new Opened(RecordCipher.forSegment(core, dek), key.describe());
                } finally {
                    Arrays.fill(dek, (byte) 0);
                }
            }
        }
        String tried = keys.stream().map(DataKeyUnwrapper::describe).collect(Collectors.joining(", "));
        return new NoMatchingKey(keys.isEmpty() ? "no key given"
                : "none of the keys given (" + tried + ") is a recipient of this segment ("
                + keyBlock.stanzas().size() + " stanza(s))");
    }
}
