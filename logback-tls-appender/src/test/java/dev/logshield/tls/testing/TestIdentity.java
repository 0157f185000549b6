package dev.logshield.tls.testing;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One end entity of the test PKI and its files, all named after it: {@code <name>-cert.pem} (the leaf),
 * {@code <name>-chain.pem} (leaf then issuing CA), {@code <name>-key.pem} (unencrypted PKCS#8),
 * {@code <name>-key-pkcs1.pem} or {@code -key-sec1.pem} (traditional RSA/EC form),
 * {@code <name>-key-encrypted.pem} (PKCS#8, PBES2 with AES-256-CBC and HMAC-SHA256, password
 * {@link TestPki#PASSWORD}), {@code <name>-key-legacy-encrypted.pem} (traditional form, OpenSSL's
 * {@code Proc-Type: 4,ENCRYPTED} with AES-256-CBC) and {@code <name>.p12} (key and chain under alias
 * {@code <name>}, password {@link TestPki#PASSWORD}).
 */
public final class TestIdentity {
    private final String name;
    private final String dnsName;
    private final Path cert;
    private final Path chain;
    private final Path key;
    private final Path traditionalKey;
    private final Path encryptedKey;
    private final Path legacyEncryptedKey;
    private final Path pkcs12;
    private final PrivateKey privateKey;
    private final List<X509Certificate> certificateChain;

TestIdentity(String name, String dnsName, Path cert, Path chain, Path key, Path traditionalKey, Path encryptedKey,
            Path legacyEncryptedKey, Path pkcs12, PrivateKey privateKey, List<X509Certificate> certificateChain) {
        this.name = name;
        this.dnsName = dnsName;
        this.cert = cert;
        this.chain = chain;
        this.key = key;
        this.traditionalKey = traditionalKey;
        this.encryptedKey = encryptedKey;
        this.legacyEncryptedKey = legacyEncryptedKey;
        this.pkcs12 = pkcs12;
        this.privateKey = privateKey;
        this.certificateChain = List.copyOf(certificateChain);
    }

    /** The name it was issued under ("server", "client1"...), also its PKCS#12 alias. */
    public String name() {
        return name;
    }

    /** Its CN and SAN DNS name ("localhost", "client1.test"...). */
    public String dnsName() {
        return dnsName;
    }

    /** The leaf certificate alone (PEM). */
    public Path cert() {
        return cert;
    }

    /** The leaf followed by the issuing CA (PEM). */
    public Path chain() {
        return chain;
    }

    /** The private key, unencrypted PKCS#8 ({@code PRIVATE KEY}). */
    public Path key() {
        return key;
    }

    /**
     * The private key as PKCS#1 {@code RSA PRIVATE KEY} or SEC1 {@code EC PRIVATE KEY}.
     *
     * @throws UnsupportedOperationException for Ed25519, which has no such form
     */
    public Path traditionalKey() {
        return requireTraditional(traditionalKey);
    }

    /** The private key as encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}), password {@link TestPki#PASSWORD}. */
    public Path encryptedKey() {
        return encryptedKey;
    }

    /**
     * The traditional key in OpenSSL's legacy encryption ({@code Proc-Type: 4,ENCRYPTED}), password
     * {@link TestPki#PASSWORD}.
     *
     * @throws UnsupportedOperationException for Ed25519
     */
    public Path legacyEncryptedKey() {
        return requireTraditional(legacyEncryptedKey);
    }

    /** Key and chain in PKCS#12 under alias {@link #name()}, password {@link TestPki#PASSWORD}. */
    public Path pkcs12() {
        return pkcs12;
    }

    /** The private key itself. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return certificateChain.get(0);
    }

    /** Leaf then issuing CA. */
    public List<X509Certificate> certificateChain() {
        return certificateChain;
    }

    /** The leaf's SPKI pin, {@code sha256/BASE64}, computed here independently of the code under test. */
    public String spkiPin() {
        try {
            return "sha256/" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate().getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every key file of this identity that exists for its key type, by a short format name. */
    public Map<String, Path> keyFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("pkcs8", key);
        files.put("encrypted-pkcs8", encryptedKey);
        if (traditionalKey != null) {
            files.put(traditionalKey.getFileName().toString().endsWith("pkcs1.pem") ? "pkcs1" : "sec1", traditionalKey);
            files.put("legacy-encrypted", legacyEncryptedKey);
        }
        return files;
    }

    private Path requireTraditional(Path file) {
        if (file == null) {
            throw new UnsupportedOperationException(name + "'s key is Ed25519, which has no traditional PEM form");
        }
        return file;
    }

    @Override
    public String toString() {
        return name + " (" + dnsName + ")";
    }
}
