package dev.logshield.crypto.keys;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Single-shot HPKE (RFC 9180) in base mode (0x00) with DHKEM(X25519, HKDF-SHA256) (KEM 0x0020), HKDF-SHA256
 * (KDF 0x0001) and the AEAD chosen at construction: AES-128-GCM (0x0001), AES-256-GCM (0x0002) or
 * ChaCha20-Poly1305 (0x0003). Each {@link #seal} uses a fresh ephemeral key and encrypts one message at sequence
 * number 0, which is all the key block needs: one wrapped data key per stanza.
 *
 * <p>Built only on JDK primitives (XDH, HmacSHA256, AES/GCM, ChaCha20-Poly1305). Instances are immutable and
 * thread-safe.
 */
public final class Hpke {

    /** DHKEM(X25519, HKDF-SHA256). */
    public static final int KEM_X25519_HKDF_SHA256 = DhKem.KEM_ID;
    /** HKDF-SHA256. */
    public static final int KDF_HKDF_SHA256 = 0x0001;
    /** AES-128-GCM. */
    public static final int AEAD_AES_128_GCM = 0x0001;
    /** AES-256-GCM. */
    public static final int AEAD_AES_256_GCM = 0x0002;
    /** ChaCha20-Poly1305. */
    public static final int AEAD_CHACHA20_POLY1305 = 0x0003;
    /** Length of the AEAD tag each ciphertext carries, for every supported AEAD. */
    public static final int TAG_LENGTH = 16;

    private static final int MODE_BASE = 0x00;
    private static final int NONCE_LENGTH = 12;
    private static final byte[] EMPTY = new byte[0];

    private final Aead aead;
    private final byte[] suiteId;
    private final SecureRandom random;

    /**
     * @throws IllegalArgumentException for an AEAD id other than 0x0001, 0x0002 and 0x0003
     */
    public Hpke(int aeadId) {
        this(aeadId, new SecureRandom());
    }

    /** With the random source for ephemeral keys. */
    public Hpke(int aeadId, SecureRandom random) {
        this.aead = Aead.of(aeadId);
        this.random = Objects.requireNonNull(random, "random");
        this.suiteId = new byte[] {'H', 'P', 'K', 'E', 0x00, (byte) KEM_X25519_HKDF_SHA256, 0x00,
            (byte) KDF_HKDF_SHA256, 0x00, (byte) aeadId};
    }

    /** The result of a single-shot seal: the encapsulated key and the ciphertext with its tag. */
    public record Sealed(byte[] enc, byte[] ct) {

        public Sealed {
            enc = enc.clone();
            ct = ct.clone();
        }

        @Override
        public byte[] enc() {
            return enc.clone();
        }

        @Override
        public byte[] ct() {
            return ct.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sealed other && Arrays.equals(other.enc, enc) && Arrays.equals(other.ct, ct);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(enc) + Arrays.hashCode(ct);
        }

        @Override
        public String toString() {
            return "Sealed[enc " + enc.length + " bytes, ct " + ct.length + " bytes]";
        }
    }

    /** The AEAD id of this suite. */
    public int aeadId() {
        return aead.id;
    }

    /**
     * DeriveKeyPair(ikm) of RFC 9180 section 7.1.3 for X25519: a deterministic key pair from input keying
     * material (at least 32 bytes of entropy).
     */
    public static X25519KeyPair deriveKeyPair(byte[] ikm) {
        return DhKem.deriveKeyPair(ikm);
    }

    /**
     * SealBase(pkR, info, aad, pt) with a fresh ephemeral key.
     *
     * @throws InvalidKeyException when {@code pkR} is a small-order X25519 point
     */
    public Sealed seal(byte[] pkR, byte[] info, byte[] aad, byte[] pt) throws InvalidKeyException {
        X25519KeyPair ephemeral = X25519KeyPair.generate(random);
        try {
            return seal(ephemeral, pkR, info, aad, pt);
        } finally {
            ephemeral.destroy();
        }
    }

    /** SealBase with a given ephemeral key pair: deterministic, for test vectors only. */
    Sealed seal(X25519KeyPair ephemeral, byte[] pkR, byte[] info, byte[] aad, byte[] pt) throws InvalidKeyException {
        DhKem.Encapsulation encapsulation = DhKem.encap(ephemeral, pkR);
        KeySchedule schedule = keySchedule(encapsulation.sharedSecret(), info);
        Arrays.fill(encapsulation.sharedSecret(), (byte) 0);
        try {
            return new Sealed(encapsulation.enc(), aead.seal(schedule.key(), schedule.baseNonce(), aad, pt));
        } finally {
            schedule.destroy();
        }
    }

    /**
     * OpenBase(enc, skR, info, aad, ct).
     *
     * @throws GeneralSecurityException when the ciphertext does not open (an {@code AEADBadTagException}: wrong
     *         key, info, aad, or a modified enc or ct) or {@code enc} is not a usable X25519 public key
     */
    public byte[] open(byte[] enc, byte[] skR, byte[] info, byte[] aad, byte[] ct) throws GeneralSecurityException {
        return open(enc, skR, X25519.publicKey(skR), info, aad, ct);
    }

    /** OpenBase with the recipient's public key already computed. */
    byte[] open(byte[] enc, byte[] skR, byte[] pkR, byte[] info, byte[] aad, byte[] ct) throws GeneralSecurityException {
        byte[] sharedSecret = DhKem.decap(enc, skR, pkR);
        KeySchedule schedule = keySchedule(sharedSecret, info);
        Arrays.fill(sharedSecret, (byte) 0);
        try {
            return aead.open(schedule.key(), schedule.baseNonce(), aad, ct);
        } finally {
            schedule.destroy();
        }
    }

    /** The key and base nonce of a base-mode context (RFC 9180 section 5.1); the exporter secret is not used. */
    record KeySchedule(byte[] key, byte[] baseNonce) {

        void destroy() {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** KeySchedule(mode_base, shared_secret, info, psk = "", psk_id = ""). */
    KeySchedule keySchedule(byte[] sharedSecret, byte[] info) {
        byte[] pskIdHash = HpkeLabels.labeledExtract(suiteId, EMPTY, "psk_id_hash", EMPTY);
        byte[] infoHash = HpkeLabels.labeledExtract(suiteId, EMPTY, "info_hash", info);
        byte[] context = HpkeLabels.concat(new byte[] {MODE_BASE}, pskIdHash, infoHash);
        byte[] secret = HpkeLabels.labeledExtract(suiteId, sharedSecret, "secret", EMPTY);
        try {
            return new KeySchedule(HpkeLabels.labeledExpand(suiteId, secret, "key", context, aead.keyLength),
                    HpkeLabels.labeledExpand(suiteId, secret, "base_nonce", context, NONCE_LENGTH));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private enum Aead {
        AES_128_GCM(AEAD_AES_128_GCM, 16, "AES/GCM/NoPadding", "AES"),
        AES_256_GCM(AEAD_AES_256_GCM, 32, "AES/GCM/NoPadding", "AES"),
        CHACHA20_POLY1305(AEAD_CHACHA20_POLY1305, 32, "ChaCha20-Poly1305", "ChaCha20");

        final int id;
        final int keyLength;
        private final String transformation;
        private final String keyAlgorithm;

        Aead(int id, int keyLength, String transformation, String keyAlgorithm) {
            this.id = id;
            this.keyLength = keyLength;
            this.transformation = transformation;
            this.keyAlgorithm = keyAlgorithm;
        }

        static Aead of(int id) {
            for (Aead aead : values()) {
                if (aead.id == id) {
                    return aead;
                }
            }
            throw new IllegalArgumentException("unsupported HPKE AEAD id 0x" + Integer.toHexString(id)
                    + " (supported: 0x0001 AES-128-GCM, 0x0002 AES-256-GCM, 0x0003 ChaCha20-Poly1305)");
        }

        byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] pt) {
            try {
                return cipher(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(pt);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(transformation + " encryption failed", e);
            }
        }

        byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ct) throws GeneralSecurityException {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(ct);
        }

        private Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
            AlgorithmParameterSpec params = this == CHACHA20_POLY1305
                    ? new IvParameterSpec(nonce) : new GCMParameterSpec(TAG_LENGTH * 8, nonce);
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(mode, new SecretKeySpec(key, keyAlgorithm), params);
            cipher.updateAAD(aad);
            return cipher;
        }
    }
}
