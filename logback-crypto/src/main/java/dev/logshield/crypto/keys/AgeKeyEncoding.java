package dev.logshield.crypto.keys;

/**
 * The text forms age (age-encryption.org/v1) gives X25519 keys, so that keys made by {@code age-keygen} work
 * here and ours work with age: a recipient (public key) is Bech32 with HRP {@code age}, lower case
 * ({@code age1…}); an identity (private key) is Bech32 with HRP {@code AGE-SECRET-KEY-}, upper case
 * ({@code AGE-SECRET-KEY-1…}).
 *
 * <p>Errors quote a bad recipient (it is public) but never an identity.
 */
public final class AgeKeyEncoding {

    /** Human-readable part of a recipient. */
    public static final String RECIPIENT_HRP = "age";
    /** Human-readable part of an identity. */
    public static final String IDENTITY_HRP = "AGE-SECRET-KEY-";

    private AgeKeyEncoding() {
    }

    /** {@code age1…} for a 32-byte X25519 public key. */
    public static String encodeRecipient(byte[] publicKey) {
        requireKeyLength(publicKey, "public key");
        return Bech32.encode(RECIPIENT_HRP, publicKey);
    }

    /** {@code AGE-SECRET-KEY-1…} for a 32-byte X25519 private key. */
    public static String encodeIdentity(byte[] privateKey) {
        requireKeyLength(privateKey, "private key");
        return Bech32.encode(IDENTITY_HRP, privateKey);
    }

    /**
     * The 32-byte X25519 public key of an {@code age1…} recipient (surrounding white space ignored).
     *
     * @throws IllegalArgumentException "not an age recipient: …" with the reason (bad checksum, wrong prefix,
     *         wrong length)
     */
    public static byte[] decodeRecipient(String recipient) {
        String s = recipient == null ? "" : recipient.strip();
        if (!s.regionMatches(true, 0, "age1", 0, 4)) {
            // only a value that looks like a recipient is quoted back: anything else may be a secret in the wrong place
            String what = s.regionMatches(true, 0, IDENTITY_HRP, 0, IDENTITY_HRP.length())
                    ? "this is an identity (secret key, not shown), give its recipient instead (age-keygen -y)"
                    : "the value (not shown) does not start with 'age1'";
            throw new IllegalArgumentException("not an age recipient: " + what);
        }
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an age recipient: " + s + ": " + e.getMessage(), e);
        }
        if (!decoded.hrp().equals(RECIPIENT_HRP)) {
            throw new IllegalArgumentException("not an age recipient: " + s + ": it starts with '" + decoded.hrp()
                    + "1', an age recipient starts with 'age1' in lower case");
        }
        if (decoded.data().length != X25519.KEY_LENGTH) {
            throw new IllegalArgumentException("not an age recipient: " + s + ": it holds " + decoded.data().length
                    + " bytes, an X25519 recipient holds 32");
        }
        return decoded.data();
    }

    /**
     * The 32-byte X25519 private key of an {@code AGE-SECRET-KEY-1…} identity (surrounding white space ignored).
     *
     * @throws IllegalArgumentException "not an age identity …" with the reason; the message never contains the
     *         input
     */
    public static byte[] decodeIdentity(String identity) {
        String s = identity == null ? "" : identity.strip();
        Bech32.Decoded decoded;
        try {
            decoded = Bech32.decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an age identity (AGE-SECRET-KEY-1…): " + e.getMessage(), e);
        }
        if (!decoded.hrp().equals(IDENTITY_HRP)) {
            String hint = decoded.hrp().equals(RECIPIENT_HRP) ? ": this is a recipient (public key), not an identity"
                    : ": wrong prefix, an identity starts with 'AGE-SECRET-KEY-1' in upper case";
            throw new IllegalArgumentException("not an age identity (AGE-SECRET-KEY-1…)" + hint);
        }
        if (decoded.data().length != X25519.KEY_LENGTH) {
            throw new IllegalArgumentException("not an age identity (AGE-SECRET-KEY-1…): it holds "
                    + decoded.data().length + " bytes, an X25519 identity holds 32");
        }
        return decoded.data();
    }

    private static void requireKeyLength(byte[] key, String what) {
        if (key == null || key.length != X25519.KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 " + what + " is 32 bytes, not "
                    + (key == null ? "null" : key.length));
        }
    }
}
