package dev.logshield.crypto.keys;

import java.security.InvalidKeyException;
import java.util.Arrays;

/**
 * DHKEM(X25519, HKDF-SHA256), KEM id 0x0020 (RFC 9180 section 4.1 and 7.1.3): the key encapsulation under
 * {@link Hpke}. Package-private so that tests can check each intermediate value against the RFC's vectors.
 */
final class DhKem {

    static final int KEM_ID = 0x0020;
    /** Nsecret, Nenc, Npk and Nsk are all 32 for this KEM. */
    static final int N_SECRET = 32;

    private static final byte[] SUITE_ID = {'K', 'E', 'M', 0x00, 0x20};
    private static final byte[] EMPTY = new byte[0];

    private DhKem() {
    }

    /** The shared secret and its encapsulation {@code enc} (the ephemeral public key). */
    record Encapsulation(byte[] sharedSecret, byte[] enc) {
    }

    /** DeriveKeyPair(ikm) of RFC 9180 section 7.1.3 for X25519: the private key is 32 expanded bytes, unclamped. */
    static X25519KeyPair deriveKeyPair(byte[] ikm) {
        byte[] dkpPrk = HpkeLabels.labeledExtract(SUITE_ID, EMPTY, "dkp_prk", ikm);
        byte[] sk = HpkeLabels.labeledExpand(SUITE_ID, dkpPrk, "sk", EMPTY, X25519.KEY_LENGTH);
        try {
            return X25519KeyPair.fromPrivateKey(sk);
        } finally {
            Arrays.fill(sk, (byte) 0);
            Arrays.fill(dkpPrk, (byte) 0);
        }
    }

    /** Encap(pkR) with the given ephemeral key pair. */
    static Encapsulation encap(X25519KeyPair ephemeral, byte[] pkR) throws InvalidKeyException {
        byte[] skE = ephemeral.privateKey();
        try {
            byte[] dh = X25519.sharedSecret(skE, pkR);
            byte[] enc = ephemeral.publicKey();
            return new Encapsulation(extractAndExpand(dh, HpkeLabels.concat(enc, pkR)), enc);
        } finally {
            Arrays.fill(skE, (byte) 0);
        }
    }

    /** Decap(enc, skR), given the recipient's public key {@code pkR} (computed once by the caller). */
    static byte[] decap(byte[] enc, byte[] skR, byte[] pkR) throws InvalidKeyException {
        if (enc.length != X25519.KEY_LENGTH) {
            throw new InvalidKeyException("HPKE enc must be 32 bytes for X25519, not " + enc.length);
        }
        byte[] dh = X25519.sharedSecret(skR, enc);
        return extractAndExpand(dh, HpkeLabels.concat(enc, pkR));
    }

    private static byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
        byte[] eaePrk = HpkeLabels.labeledExtract(SUITE_ID, EMPTY, "eae_prk", dh);
        try {
            return HpkeLabels.labeledExpand(SUITE_ID, eaePrk, "shared_secret", kemContext, N_SECRET);
        } finally {
            Arrays.fill(dh, (byte) 0);
            Arrays.fill(eaePrk, (byte) 0);
        }
    }
}
