package dev.logshield.crypto.verify;

/** The auditor's view of the seal key chain: epoch geometry and the key of any epoch (from the initial seed). */
public interface SealVerifier {

    long originMs();

    int intervalSeconds();

    /** The chain's id (8 bytes): a segment recording another id was sealed with another chain (a key error). */
    byte[] chainId();

    /** The seal key of {@code epoch}. */
    byte[] keyAt(long epoch);

    default long epochStartMs(long epoch) {
        return originMs() + epoch * intervalSeconds() * 1000L;
    }
}
