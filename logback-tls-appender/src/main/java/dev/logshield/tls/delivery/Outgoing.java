package dev.logshield.tls.delivery;

/**
 * One event on its way from the sender to a collector: its bytes, whether it was read from the disk spool (where it
 * stays until it is settled), and whether it is settled, that is delivered (written; for RELP, acknowledged) or
 * counted as dropped. Every event the sender takes ends settled, or is put back into the spool at stop.
 */
final class Outgoing {

    final byte[] bytes;
    final boolean fromSpool;
    boolean settled;

    Outgoing(byte[] bytes, boolean fromSpool) {
        this.bytes = bytes;
        this.fromSpool = fromSpool;
    }
}
