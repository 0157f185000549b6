package dev.logshield.crypto.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Key ids: 8 bytes in every stanza that tell a reader which stanza is addressed to its key without trying each
 * one. A recipient's id is a hash of its public key; a key-encryption key's id is a MAC under the key itself, so
 * it reveals nothing about the key and cannot be computed without it.
 *
 * <pre>
 * forRecipient(pk) = SHA-256("lse/v1 kid x25519" || pk)[0..8]
 * forKek(kek)      = HMAC-SHA256(key = kek bytes, "lse/v1 kid kek")[0..8]
 * </pre>
 */
public final class KeyIds {

    /** Length of a key id, in bytes. */
    public static final int LENGTH = 8;

    private static final byte[] RECIPIENT_LABEL = "lse/v1 kid x25519".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEK_LABEL = "lse/v1 kid kek".getBytes(StandardCharsets.US_ASCII);

    private KeyIds() {
    }

    /** The key id of a 32-byte X25519 public key. */
    public static byte[] forRecipient(byte[] x25519PublicKey) {
        if (x25519PublicKey == null || x25519PublicKey.length != X25519.KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 public key is 32 bytes");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(RECIPIENT_LABEL);
            return Arrays.copyOf(sha256.digest(x25519PublicKey), LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java SE platform", e);
        }
    }

    /**
     * The key id of a key-encryption key.
     *
     * @throws IllegalArgumentException when the key does not expose its bytes (a hardware-held key)
     */
    public static byte[] forKek(SecretKey kek) {
        byte[] encoded = kek.getEncoded();
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException("the key-encryption key does not expose its bytes (" + kek.getAlgorithm()
                    + ", format " + kek.getFormat() + "): only extractable keys from a PKCS#12 keystore are supported");
        }
        try {
            return Arrays.copyOf(Hkdf.hmac(encoded, KEK_LABEL), LENGTH);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /**
     * The key id a stanza is addressed to, for reports ({@code logcrypt inspect}): bytes 6..14 of a type 0x01 body,
     * bytes 0..8 of a type 0x02 body; empty for another type or a body too short to hold one.
     */
    public static Optional<byte[]> addressedTo(Stanza stanza) {
        byte[] body = stanza.body();
        int offset = switch (stanza.type()) {
            case Stanza.HPKE_X25519 -> HpkeStanzaLayout.KID_OFFSET;
            case Stanza.AES_KWP -> 0;
            default -> -1;
        };
        if (offset < 0 || body.length < offset + LENGTH) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(body, offset, offset + LENGTH));
    }

    /** Lower-case hex, for reports and status messages. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
