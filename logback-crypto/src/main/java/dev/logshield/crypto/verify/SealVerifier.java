package dev.logshield.crypto.verify;

/** The auditor's view of the seal key chain: epoch geometry and the key of any epoch (from the initial seed). */
public interface SealVerifier {

    long originMs();

    int intervalSeconds();

    /**
     * The chain's id (8 bytes), which every segment sealed with it records: the verifier checks a segment with the
     * given chain of that id, and a segment sealed with none of the given chains is tampered.
     */
    byte[] chainId();

    /** The seal key of {@code epoch}. */
    byte[] keyAt(long epoch);

    default long epochStartMs(long epoch) {
        return originMs() + epoch * intervalSeconds() * 1000L;
    }
}
