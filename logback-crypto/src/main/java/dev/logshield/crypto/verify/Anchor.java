package dev.logshield.crypto.verify;

import dev.logshield.crypto.format.Checkpoint;
import dev.logshield.crypto.format.Hex;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A checkpoint published outside the file (one text line sent to another appender): with it, deleting the newest
 * records or files is detected up to the anchored point. Line form:
 * {@code lse-anchor v1 <segment id hex> <series index> <seq> <epoch> <time ms> <digest b64> <tag b64>}.
 */
public record Anchor(String segmentIdHex, long seriesIndex, long seq, long epoch, long timeMs, String digestBase64,
                     String tagBase64) {

    private static final String PREFIX = "lse-anchor v1 ";

    /** The anchor line for a checkpoint of segment {@code segmentId}. */
    public static String line(byte[] segmentId, long seriesIndex, Checkpoint checkpoint) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + Hex.of(segmentId) + ' ' + seriesIndex + ' ' + checkpoint.seq() + ' ' + checkpoint.epoch() + ' '
                + checkpoint.timeMs() + ' ' + b64.encodeToString(checkpoint.digest()) + ' '
                + b64.encodeToString(checkpoint.tag());
    }

    /** Every anchor found in {@code text} (a log file of the remote collector: other lines are ignored). */
    public static List<Anchor> parseAll(String text) {
        List<Anchor> anchors = new ArrayList<>();
        for (String line : text.split("\\R")) {
            int at = line.indexOf(PREFIX);
            if (at < 0) {
                continue;
            }
            String[] parts = line.substring(at + PREFIX.length()).trim().split("\\s+");
            if (parts.length < 7) {
                continue;
            }
            try {
                Anchor anchor = new Anchor(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                        Long.parseLong(parts[3]), Long.parseLong(parts[4]), parts[5], parts[6]);
                if (anchor.wellFormed()) {
                    anchors.add(anchor);
                }
            } catch (NumberFormatException e) {
                // not one of ours
            }
        }
        return anchors;
    }

    /** A damaged line (from the collector's log) must neither stand for a checkpoint nor break verification. */
    private boolean wellFormed() {
        return segmentIdHex.matches("[0-9a-f]{32}") && seriesIndex >= 0 && seq >= 0 && epoch >= 0
                && decodesTo32Bytes(digestBase64) && decodesTo32Bytes(tagBase64);
    }

    private static boolean decodesTo32Bytes(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
