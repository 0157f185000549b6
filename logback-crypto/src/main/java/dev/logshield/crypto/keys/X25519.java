package dev.logshield.crypto.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519 (RFC 7748) over raw 32-byte keys, computed by the JDK's XDH provider. The JDK works with
 * {@code XECPublicKeySpec} (a u-coordinate as a number) and {@code XECPrivateKeySpec} (the 32 scalar bytes), so
 * this class only translates between RFC 7748's byte strings and those specs.
 */
final class X25519 {

    /** Length of a private key, a public key and a shared secret, in bytes. */
    static final int KEY_LENGTH = 32;

    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final byte[] BASE_POINT = basePoint();

    private X25519() {
    }

    /** The public key X25519(privateKey, 9). */
    static byte[] publicKey(byte[] privateKey) {
        try {
            return sharedSecret(privateKey, BASE_POINT);
        } catch (InvalidKeyException e) {
            // a clamped scalar is a non-zero multiple of 8 below the group order: it never maps 9 to zero
            throw new IllegalStateException("X25519 of the base point cannot be zero", e);
        }
    }

    /**
     * X25519(privateKey, publicKey).
     *
     * @throws InvalidKeyException when {@code publicKey} is a small-order point (the result would be all zeros,
     *         which RFC 7748 section 6.1 tells protocols to reject: it carries no secret)
     */
    static byte[] sharedSecret(byte[] privateKey, byte[] publicKey) throws InvalidKeyException {
        requireLength(privateKey, "private key");
        requireLength(publicKey, "public key");
        byte[] secret;
        try {
            KeyFactory factory = KeyFactory.getInstance("XDH");
            PrivateKey sk = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey));
            PublicKey pk = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, decodeU(publicKey)));
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(sk);
            agreement.doPhase(pk, true);
            secret = agreement.generateSecret();
        } catch (InvalidKeyException e) {
            // the JDK refuses an all-zero result itself ("Point has small order"); say what it means for us
            throw new InvalidKeyException("X25519 public key is a small-order point (no shared secret): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is required by every Java 11+ platform", e);
        }
        if (isAllZero(secret)) {
            throw new InvalidKeyException("X25519 public key is a small-order point (shared secret is all zeros)");
        }
        return secret;
    }

    /** RFC 7748 section 5: little-endian, the top bit masked, non-canonical values reduced modulo p. */
    static BigInteger decodeU(byte[] u) {
        byte[] bigEndian = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            bigEndian[i] = u[KEY_LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7F;
        return new BigInteger(1, bigEndian).mod(P);
    }

    private static boolean isAllZero(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }

    private static void requireLength(byte[] key, String what) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("X25519 " + what + " must be " + KEY_LENGTH + " bytes, not "
                    + (key == null ? "null" : key.length));
        }
    }

    private static byte[] basePoint() {
        byte[] u = new byte[KEY_LENGTH];
        u[0] = 9;
        return u;
    }
}
