package dev.logshield.crypto.keys;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.security.auth.Destroyable;

/**
 * Unwraps data keys from type 0x01 (HPKE X25519) stanzas with an age identity ({@code AGE-SECRET-KEY-1…}), the
 * private half of an {@link HpkeRecipient}. Used by the {@code logcrypt} CLI on the reading side, never by the
 * writing appender. Identity files ({@link #readIdentityFile}) are read by {@link IdentityFile}.
 *
 * <p>A stanza addressed to another key (different key id) is skipped; a stanza addressed to this key that does
 * not open, or whose suite or length is not the one {@link HpkeRecipient} writes, is reported as corrupt. A
 * stanza too short to hold a key id is addressed to no one and skipped.
 */
public final class HpkeIdentity implements DataKeyUnwrapper, Destroyable {

    private final X25519KeyPair keyPair;
    private final byte[] publicKey;
    private final byte[] keyId;
    private final Hpke hpke = new Hpke(HpkeStanzaLayout.AEAD);

    private HpkeIdentity(X25519KeyPair keyPair) {
        this.keyPair = keyPair;
        this.publicKey = keyPair.publicKey();
        this.keyId = KeyIds.forRecipient(publicKey);
    }

    /**
     * The identity of an {@code AGE-SECRET-KEY-1…} string.
     *
     * @throws KeyMaterialException when the string is not an X25519 age identity (the message never quotes it)
     */
    public static HpkeIdentity parse(String identity) throws KeyMaterialException {
        byte[] sk;
        try {
            sk = AgeKeyEncoding.decodeIdentity(identity);
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException(e.getMessage(), e);
        }
        try {
            return new HpkeIdentity(X25519KeyPair.fromPrivateKey(sk));
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    /** The identity of a key pair (its private key is copied; destroying this identity leaves the argument intact). */
    public static HpkeIdentity of(X25519KeyPair keyPair) {
        byte[] sk = keyPair.privateKey();
        try {
            return new HpkeIdentity(X25519KeyPair.fromPrivateKey(sk));
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    /**
     * Every identity of an age identity file: one {@code AGE-SECRET-KEY-1…} per line, blank lines and lines
     * starting with {@code #} ignored (the format {@code age-keygen} writes).
     *
     * @throws KeyMaterialException when the file is missing, unreadable, holds a line that is not an identity, or
     *         holds no identity
     */
    public static List<HpkeIdentity> readIdentityFile(Path file) throws KeyMaterialException {
        return IdentityFile.read(file);
    }

    /** The recipient this identity unwraps for. */
    public HpkeRecipient recipient() {
        try {
            return HpkeRecipient.fromPublicKey(publicKey);
        } catch (KeyMaterialException e) {
            throw new IllegalStateException("the public key of a private key is never a small-order point", e);
        }
    }

    /** A copy of the 8-byte key id of this identity's recipient. */
    public byte[] keyId() {
        return keyId.clone();
    }

    /** The {@code AGE-SECRET-KEY-1…} form, for {@code logcrypt keygen} to write out. */
    public String encode() {
        byte[] sk = keyPair.privateKey();
        try {
            return AgeKeyEncoding.encodeIdentity(sk);
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    @Override
    public Optional<byte[]> unwrap(List<Stanza> stanzas, byte[] segmentId) throws CorruptStanzaException {
        DataKeys.checkSegmentId(segmentId);
        for (Stanza stanza : stanzas) {
            if (stanza.type() != Stanza.HPKE_X25519) {
                continue;
            }
            byte[] body = stanza.body();
            if (body.length < HpkeStanzaLayout.ENC_OFFSET || !MessageDigest.isEqual(keyId,
                    Arrays.copyOfRange(body, HpkeStanzaLayout.KID_OFFSET, HpkeStanzaLayout.ENC_OFFSET))) {
                continue;
            }
            return Optional.of(open(body, segmentId));
        }
        return Optional.empty();
    }

    private byte[] open(byte[] body, byte[] segmentId) throws CorruptStanzaException {
        String where = "HPKE stanza for kid " + KeyIds.hex(keyId);
        if (body.length != HpkeStanzaLayout.LENGTH) {
            throw new CorruptStanzaException(where + " is " + body.length + " bytes, expected " + HpkeStanzaLayout.LENGTH);
        }
        int kem = HpkeStanzaLayout.u16(body, 0);
        int kdf = HpkeStanzaLayout.u16(body, 2);
        int aead = HpkeStanzaLayout.u16(body, 4);
        if (kem != HpkeStanzaLayout.KEM || kdf != HpkeStanzaLayout.KDF || aead != HpkeStanzaLayout.AEAD) {
            throw new CorruptStanzaException(String.format(
                    "%s names suite kem 0x%04x kdf 0x%04x aead 0x%04x, expected kem 0x0020 kdf 0x0001 aead 0x0002",
                    where, kem, kdf, aead));
        }
        byte[] enc = Arrays.copyOfRange(body, HpkeStanzaLayout.ENC_OFFSET, HpkeStanzaLayout.CT_OFFSET);
        byte[] ct = Arrays.copyOfRange(body, HpkeStanzaLayout.CT_OFFSET, HpkeStanzaLayout.LENGTH);
        byte[] sk = keyPair.privateKey();
        try {
            return hpke.open(enc, sk, publicKey, HpkeStanzaLayout.info(segmentId), HpkeStanzaLayout.aad(), ct);
        } catch (GeneralSecurityException e) {
            throw new CorruptStanzaException(where + " does not open: the key block was modified or belongs to "
                    + "another segment", e);
        } finally {
            Arrays.fill(sk, (byte) 0);
        }
    }

    @Override
    public String describe() {
        return "X25519 identity for " + AgeKeyEncoding.encodeRecipient(publicKey) + " (kid " + KeyIds.hex(keyId) + ")";
    }

    /** Zeroes the private key held by this identity; it cannot unwrap afterwards. */
    @Override
    public void destroy() {
        keyPair.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return keyPair.isDestroyed();
    }

    @Override
    public String toString() {
        return describe();
    }
}
