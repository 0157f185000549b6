package dev.logshield.crypto.keys;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869), the one key-derivation function of the LSE format and of HPKE. */
public final class Hkdf {

    /** Output length of HMAC-SHA256, in bytes. */
    public static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /** HKDF-Extract: a pseudorandom key from {@code ikm}; an empty or null salt means 32 zero bytes. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        return hmac(effectiveSalt, ikm);
    }

    /** HKDF-Expand: {@code length} bytes (at most 255 * 32) from the pseudorandom key {@code prk}. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-Expand length out of range: " + length);
        }
        Mac mac = newMac(prk);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        int produced = 0;
        for (int counter = 1; produced < length; counter++) {
            mac.update(block);
            mac.update(info == null ? new byte[0] : info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int n = Math.min(block.length, length - produced);
            System.arraycopy(block, 0, out, produced, n);
            produced += n;
        }
        return out;
    }

    /** Extract then expand. */
    public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        return expand(extract(salt, ikm), info, length);
    }

    /** HMAC-SHA256 of the concatenated {@code parts} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[]... parts) {
        Mac mac = newMac(key);
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // HMAC accepts an empty key (RFC 2104); SecretKeySpec does not, so give it one zero byte's worth of
            // nothing: an all-zero block key is what HMAC pads an empty key to anyway.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[HASH_LENGTH] : key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java SE platform", e);
        }
    }
}
