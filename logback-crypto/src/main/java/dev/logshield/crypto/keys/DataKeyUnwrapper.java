package dev.logshield.crypto.keys;

import java.util.List;
import java.util.Optional;

/**
 * Recovers a segment's data key from the key block with one reader's secret: an X25519 identity or a
 * key-encryption key. Used by the CLI (decrypt, verify, rewrap), never by the writing appender.
 */
public interface DataKeyUnwrapper {

    /**
     * The data key, when one of {@code stanzas} is addressed to this reader (matched by key id).
     *
     * @return empty when no stanza is addressed to this reader: a key error, never a sign of tampering
     * @throws CorruptStanzaException when a stanza addressed to this reader fails to open (modified or
     *         corrupt key block)
     */
    Optional<byte[]> unwrap(List<Stanza> stanzas, byte[] segmentId) throws CorruptStanzaException;

    /** What this key is, for reports, without secrets. */
    String describe();
}
