package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.KeyBlock;
import dev.logshield.crypto.format.SegmentCore;
import dev.logshield.crypto.keys.CorruptStanzaException;
import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recovers a segment's data key itself (what {@code rewrap} re-wraps), with the same rules as opening a segment
 * for reading: a key with no stanza is a key error; a stanza that does not open, or a key block whose MAC does not
 * verify under the recovered key, is a corrupt key block, and nothing is recovered from it.
 */
final class DataKeyRecovery {

    private DataKeyRecovery() {
    }

    /**
     * The data key (the caller erases it).
     *
     * @param where names the segment in messages ("segment 3 of app.lse")
     * @throws KeyMaterialException     when none of the keys is a recipient of the segment
     * @throws CommandFailedException   when the key block is corrupt or modified
     */
    static byte[] recover(SegmentCore core, KeyBlock keyBlock, List<? extends DataKeyUnwrapper> keys, String where)
            throws KeyMaterialException, CommandFailedException {
        byte[] segmentId = core.segmentId();
        for (DataKeyUnwrapper key : keys) {
            Optional<byte[]> dataKey;
            try {
                dataKey = key.unwrap(keyBlock.stanzas(), segmentId);
            } catch (CorruptStanzaException e) {
                throw new CommandFailedException("the key block of " + where + " is corrupt: the stanza for "
                        + key.describe() + " does not open (" + e.getMessage() + ")");
            }
            if (dataKey.isPresent()) {
                byte[] dek = dataKey.get();
                if (!keyBlock.macMatches(core, dek)) {
                    Arrays.fill(dek, (byte) 0);
                    throw new CommandFailedException("the key block of " + where
                            + " does not verify (header or key block modified)");
                }
                return dek;
            }
        }
        String tried = keys.stream().map(DataKeyUnwrapper::describe).collect(Collectors.joining(", "));
        throw new KeyMaterialException("none of the keys given (" + tried + ") opens " + where);
    }
}
