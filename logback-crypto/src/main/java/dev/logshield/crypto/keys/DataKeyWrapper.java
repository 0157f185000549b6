package dev.logshield.crypto.keys;

/**
 * Wraps a segment's 32-byte data key for one reader: a recipient public key (the writing host cannot unwrap
 * what it wrapped) or a key-encryption key. The writer calls it once per segment, per configured reader.
 */
public interface DataKeyWrapper {

    /**
     * A stanza carrying {@code dataKey} for this reader, bound to {@code segmentId} where the scheme allows.
     *
     * @throws KeyMaterialException when the wrapping key cannot be used (it never returns a clear data key)
     */
    Stanza wrap(byte[] dataKey, byte[] segmentId) throws KeyMaterialException;

    /** What this wrapper is, for status messages and reports, without secrets (e.g. "X25519 kid 1a2b3c4d5e6f7a8b"). */
    String describe();
}
