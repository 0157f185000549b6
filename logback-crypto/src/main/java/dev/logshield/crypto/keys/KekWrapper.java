package dev.logshield.crypto.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Wraps and unwraps data keys under an AES key-encryption key with AES key wrap with padding (RFC 5649, the JDK's
 * {@code AES/KWP/NoPadding}), as type 0x02 stanzas. For sites that keep a symmetric key in a PKCS#12 keystore
 * (see {@link KeystoreKek}) rather than an X25519 identity; the writer holding the KEK can also read.
 *
 * <p>Stanza body, {@code 8 + 1 + n + 40} bytes:
 *
 * <pre>
 * kid        8   KeyIds.forKek(kek)
 * alias_len  1   n, 0..255 (this writer: 1..255, a keystore alias is never empty)
 * alias      n   keystore alias, UTF-8 (informative: the kid decides which key opens the stanza)
 * wrapped   40   AES-KWP(kek, data key)
 * </pre>
 *
 * A stanza from another writer may have an empty alias (FORMAT.md 4.2 allows it): it opens like any other.
 * KWP has no associated data, so this stanza is not bound to the segment id; the file format binds the key block
 * to its segment. A stanza with another kid is skipped; one with this key's kid that does not unwrap is corrupt.
 * Immutable and thread-safe.
 */
public final class KekWrapper implements DataKeyWrapper, DataKeyUnwrapper {

    /** Length of a wrapped 32-byte data key: the 8-byte integrity block plus the key. */
    static final int WRAPPED_LENGTH = 40;
    private static final String TRANSFORMATION = "AES/KWP/NoPadding";
    private static final int MAX_ALIAS_BYTES = 255;

    private final String alias;
    private final byte[] aliasBytes;
    private final SecretKey kek;
    private final byte[] keyId;
    private final int bits;

    private KekWrapper(String alias, byte[] aliasBytes, SecretKey kek, int bits) {
        this.alias = alias;
        this.aliasBytes = aliasBytes;
        this.kek = kek;
        this.keyId = KeyIds.forKek(kek);
        this.bits = bits;
    }

    /**
     * A wrapper for {@code kek}, named {@code alias} in its stanzas.
     *
     * @throws KeyMaterialException when the key is not AES-128/256, or the alias is empty or over 255 UTF-8 bytes
     */
    public static KekWrapper of(String alias, SecretKey kek) throws KeyMaterialException {
        SecretKey aes = KeystoreKek.requireAes(kek, "the key-encryption key '" + alias + "'");
        byte[] aliasBytes = alias == null ? new byte[0] : alias.getBytes(StandardCharsets.UTF_8);
        if (aliasBytes.length == 0 || aliasBytes.length > MAX_ALIAS_BYTES) {
            throw new KeyMaterialException("a key-encryption key alias must be 1 to " + MAX_ALIAS_BYTES
                    + " bytes of UTF-8, not " + aliasBytes.length);
        }
        byte[] encoded = aes.getEncoded();
        int bits = encoded.length * 8;
        Arrays.fill(encoded, (byte) 0);
        return new KekWrapper(alias, aliasBytes, aes, bits);
    }

    /** The wrapper for the key under {@code alias} in a PKCS#12 keystore ({@link KeystoreKek#load}). */
    public static KekWrapper load(Path keystore, char[] password, String alias) throws KeyMaterialException {
        return of(alias, KeystoreKek.load(keystore, password, alias));
    }

    /** The alias this wrapper writes into its stanzas. */
    public String alias() {
        return alias;
    }

    /** A copy of the 8-byte key id ({@link KeyIds#forKek}). */
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public Stanza wrap(byte[] dataKey, byte[] segmentId) throws KeyMaterialException {
        DataKeys.check(dataKey, segmentId);
        byte[] wrapped;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, kek);
            wrapped = cipher.doFinal(dataKey);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("cannot wrap with " + describe() + ": " + e, e);
        }
        byte[] body = ByteBuffer.allocate(KeyIds.LENGTH + 1 + aliasBytes.length + wrapped.length)
                .put(keyId).put((byte) aliasBytes.length).put(aliasBytes).put(wrapped).array();
        return new Stanza(Stanza.AES_KWP, body);
    }

    @Override
    public Optional<byte[]> unwrap(List<Stanza> stanzas, byte[] segmentId) throws CorruptStanzaException {
        DataKeys.checkSegmentId(segmentId);
        for (Stanza stanza : stanzas) {
            if (stanza.type() != Stanza.AES_KWP) {
                continue;
            }
            byte[] body = stanza.body();
            if (body.length < KeyIds.LENGTH || !MessageDigest.isEqual(keyId, Arrays.copyOf(body, KeyIds.LENGTH))) {
                continue;
            }
            return Optional.of(open(body));
        }
        return Optional.empty();
    }

    private byte[] open(byte[] body) throws CorruptStanzaException {
        String where = "AES-KWP stanza for kid " + KeyIds.hex(keyId);
        int aliasLength = body.length > KeyIds.LENGTH ? body[KeyIds.LENGTH] & 0xFF : -1;
        int expected = KeyIds.LENGTH + 1 + aliasLength + WRAPPED_LENGTH;
        if (aliasLength < 0 || body.length != expected) {
            throw new CorruptStanzaException(where + " is " + body.length + " bytes"
                    + (aliasLength < 0 ? ", too short for an alias length" : ", expected " + expected));
        }
        byte[] wrapped = Arrays.copyOfRange(body, body.length - WRAPPED_LENGTH, body.length);
        byte[] dataKey;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, kek);
            dataKey = cipher.doFinal(wrapped);
        } catch (GeneralSecurityException e) {
            throw new CorruptStanzaException(where + " does not unwrap: the key block was modified", e);
        }
        if (dataKey.length != DataKeys.LENGTH) {
            Arrays.fill(dataKey, (byte) 0);
            throw new CorruptStanzaException(where + " holds a " + dataKey.length + "-byte key, expected " + DataKeys.LENGTH);
        }
        return dataKey;
    }

    @Override
    public String describe() {
        return "AES-" + bits + " key-encryption key '" + alias + "' (kid " + KeyIds.hex(keyId) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
