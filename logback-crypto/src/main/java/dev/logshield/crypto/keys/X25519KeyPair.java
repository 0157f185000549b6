package dev.logshield.crypto.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * An X25519 key pair as raw 32-byte strings (RFC 7748): the private scalar exactly as generated or decoded
 * (X25519 clamps it at use, as age and RFC 9180 expect) and the public u-coordinate. Accessors return copies;
 * {@link #destroy()} zeroes the private bytes held here.
 */
public final class X25519KeyPair implements Destroyable {

    private final byte[] privateKey;
    private final byte[] publicKey;
    private volatile boolean destroyed;

    private X25519KeyPair(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair: 32 bytes from {@code random} as the private key (RFC 7748 section 6.1). */
    public static X25519KeyPair generate(SecureRandom random) {
        byte[] sk = new byte[X25519.KEY_LENGTH];
        random.nextBytes(sk);
        return new X25519KeyPair(sk, X25519.publicKey(sk));
    }

    /**
     * The key pair of a 32-byte private key, computing its public key. The argument is copied.
     *
     * @throws IllegalArgumentException when {@code privateKey} is not 32 bytes
     */
    public static X25519KeyPair fromPrivateKey(byte[] privateKey) {
        if (privateKey == null || privateKey.length != X25519.KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 private key is 32 bytes, not "
                    + (privateKey == null ? "null" : privateKey.length));
        }
        byte[] sk = privateKey.clone();
        return new X25519KeyPair(sk, X25519.publicKey(sk));
    }

    /**
     * A copy of the 32-byte private key.
     *
     * @throws IllegalStateException after {@link #destroy()}
     */
    public byte[] privateKey() {
        if (destroyed) {
            throw new IllegalStateException("X25519 private key was destroyed");
        }
        return privateKey.clone();
    }

    /** A copy of the 32-byte public key (still available after {@link #destroy()}). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Zeroes the private key bytes held by this object (copies handed out earlier are the caller's to clear). */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(privateKey, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "X25519KeyPair[kid " + KeyIds.hex(KeyIds.forRecipient(publicKey)) + (destroyed ? ", destroyed]" : "]");
    }
}
