package dev.logshield.tls.delivery;

/**
 * What the sender leaves behind at stop, beside the drops it has counted by reason.
 *
 * @param delivered       events delivered since start (written; for RELP, acknowledged), each counted once
 * @param returnedToSpool events held in memory at stop and written back into the spool
 * @param leftInSpool     events in the spool after stop, sent first at the next start (-1: no spool)
 * @param stillHeld       events in memory of a sender thread that did not end in time (stuck in a name lookup); it
 *                        counts them as dropped, or puts them back into the spool, when it ends
 */
public record StopReport(long delivered, long returnedToSpool, long leftInSpool, long stillHeld) {
}
