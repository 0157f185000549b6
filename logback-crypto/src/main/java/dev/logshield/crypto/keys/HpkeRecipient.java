package dev.logshield.crypto.keys;

import java.security.InvalidKeyException;
import java.security.SecureRandom;

/**
 * Wraps each segment's data key to one X25519 recipient with HPKE (RFC 9180 base mode, DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256, AES-256-GCM), producing a type 0x01 stanza. The recipient is written as age writes it
 * ({@code age1…}, from {@code age-keygen} or {@code logcrypt keygen}); only its holder can unwrap, so the writing
 * host keeps no secret that reads its own logs.
 *
 * <p>Stanza body (94 bytes, big-endian): kem u16 = 0x0020, kdf u16 = 0x0001, aead u16 = 0x0002, kid (8) =
 * {@link KeyIds#forRecipient}, enc (32), ct (48); HPKE info = "lse/v1 dek" || segment id, aad empty.
 * Immutable and thread-safe.
 */
public final class HpkeRecipient implements DataKeyWrapper {

    private final byte[] publicKey;
    private final byte[] keyId;
    private final Hpke hpke;

    private HpkeRecipient(byte[] publicKey, SecureRandom random) {
        this.publicKey = publicKey;
        this.keyId = KeyIds.forRecipient(publicKey);
        this.hpke = new Hpke(HpkeStanzaLayout.AEAD, random);
    }

    /**
     * The recipient of an {@code age1…} string.
     *
     * @throws KeyMaterialException when the string is not an X25519 age recipient or is a small-order point
     */
    public static HpkeRecipient parse(String recipient) throws KeyMaterialException {
        byte[] pk;
        try {
            pk = AgeKeyEncoding.decodeRecipient(recipient);
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException(e.getMessage(), e);
        }
        return fromPublicKey(pk);
    }

    /**
     * The recipient of a raw 32-byte X25519 public key.
     *
     * @throws KeyMaterialException when the key is not 32 bytes or is a small-order point (every wrap would fail)
     */
    public static HpkeRecipient fromPublicKey(byte[] publicKey) throws KeyMaterialException {
        if (publicKey == null || publicKey.length != X25519.KEY_LENGTH) {
            throw new KeyMaterialException("an X25519 recipient public key is 32 bytes, not "
                    + (publicKey == null ? "null" : publicKey.length));
        }
        byte[] pk = publicKey.clone();
        X25519KeyPair probe = X25519KeyPair.generate(new SecureRandom());
        try {
            // a point of small order gives an all-zero DH output with every scalar: refuse it now, not at log time
            X25519.sharedSecret(probe.privateKey(), pk);
        } catch (InvalidKeyException e) {
            throw new KeyMaterialException("unusable X25519 recipient " + AgeKeyEncoding.encodeRecipient(pk)
                    + ": it is a small-order point, no secret can be shared with it", e);
        } finally {
            probe.destroy();
        }
        return new HpkeRecipient(pk, new SecureRandom());
    }

    /** A copy of the 32-byte X25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** A copy of the 8-byte key id ({@link KeyIds#forRecipient}). */
    public byte[] keyId() {
        return keyId.clone();
    }

    /** The {@code age1…} form. */
    public String recipient() {
        return AgeKeyEncoding.encodeRecipient(publicKey);
    }

    /**
     * A type 0x01 stanza sealing {@code dataKey} (32 bytes) to this recipient, bound to {@code segmentId} (16 bytes).
     *
     * @throws IllegalArgumentException when the data key or segment id has the wrong length
     */
    @Override
    public Stanza wrap(byte[] dataKey, byte[] segmentId) throws KeyMaterialException {
        DataKeys.check(dataKey, segmentId);
        Hpke.Sealed sealed;
        try {
            sealed = hpke.seal(publicKey, HpkeStanzaLayout.info(segmentId), HpkeStanzaLayout.aad(), dataKey);
        } catch (InvalidKeyException e) {
            throw new KeyMaterialException("cannot wrap to " + describe() + ": " + e.getMessage(), e);
        }
        return new Stanza(Stanza.HPKE_X25519, HpkeStanzaLayout.encode(keyId, sealed.enc(), sealed.ct()));
    }

    @Override
    public String describe() {
        return "X25519 recipient " + recipient() + " (kid " + KeyIds.hex(keyId) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
