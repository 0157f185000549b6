package dev.logshield.crypto.format;

import java.util.Locale;

/** The record AEADs of format v1; the suite byte is in every segment's core and bound into every record. */
public enum CipherSuite {
    /** AES-256-GCM with a 96-bit counter nonce and 128-bit tag: the default (AES-NI through the JDK provider). */
    AES_256_GCM(0x01, "AES/GCM/NoPadding", "AES"),
    /** ChaCha20-Poly1305 (RFC 8439), for hosts without AES instructions. */
    CHACHA20_POLY1305(0x02, "ChaCha20-Poly1305", "ChaCha20");

    private final int id;
    private final String transformation;
    private final String keyAlgorithm;

    CipherSuite(int id, String transformation, String keyAlgorithm) {
        this.id = id;
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
    }

    public int id() {
        return id;
    }

    String transformation() {
        return transformation;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The suite with this id byte, or null. */
    public static CipherSuite byId(int id) {
        for (CipherSuite suite : values()) {
            if (suite.id == id) {
                return suite;
            }
        }
        return null;
    }

    /**
     * The suite named in configuration: {@code AES-256-GCM} or {@code ChaCha20-Poly1305} (case and the
     * separators - and _ do not matter); null when unknown.
     */
    public static CipherSuite byName(String name) {
        if (name == null) {
            return null;
        }
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CipherSuite suite : values()) {
            if (suite.name().equals(key)) {
                return suite;
            }
        }
        return null;
    }

    /** Configuration name, e.g. "AES-256-GCM". */
    public String displayName() {
        return this == AES_256_GCM ? "AES-256-GCM" : "ChaCha20-Poly1305";
    }
}
