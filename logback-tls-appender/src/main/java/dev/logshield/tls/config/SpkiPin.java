package dev.logshield.tls.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * A public-key pin in the form {@code sha256/BASE64}: the SHA-256 digest of a certificate's DER-encoded
 * SubjectPublicKeyInfo, base64-encoded (the form of HPKP, OkHttp and curl's {@code --pinnedpubkey}). A pin names a
 * key, not a certificate, so it survives a renewal that keeps the key. Compute one with:
 * <pre>
 * openssl x509 -in server.crt -noout -pubkey | openssl pkey -pubin -outform DER \
 *   | openssl dgst -sha256 -binary | openssl base64
 * </pre>
 * Immutable; equal when the digests are equal.
 */
public final class SpkiPin {

    static final String PREFIX = "sha256/";
    static final String HOW_TO_COMPUTE = "compute one with: openssl x509 -in server.crt -noout -pubkey"
            + " | openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary | openssl base64";
    private static final int SHA256_LENGTH = 32;

    private final byte[] digest;

    private SpkiPin(byte[] digest) {
        this.digest = digest;
    }

    /**
     * Parses {@code sha256/BASE64} (standard base64, padding optional; surrounding white space ignored).
     *
     * @throws TlsConfigException naming the offending text when it is of another form: another hash, a hex
     *         certificate fingerprint, bad base64 or a digest that is not 32 bytes long
     */
    public static SpkiPin parse(String text) throws TlsConfigException {
        if (text == null || text.isBlank()) {
            throw new TlsConfigException("an empty SPKI pin; a pin looks like sha256/<base64 of 32 bytes>; " + HOW_TO_COMPUTE);
        }
        String pin = text.strip();
        int slash = pin.indexOf('/');
        String hash = slash < 0 ? "" : pin.substring(0, slash).toLowerCase(Locale.ROOT);
        if (slash < 0 || !hash.equals("sha256")) {
            if (looksLikeHexFingerprint(pin)) {
                throw new TlsConfigException("'" + pin + "' looks like a certificate fingerprint, not an SPKI pin;"
                        + " a pin looks like sha256/<base64 of 32 bytes>; " + HOW_TO_COMPUTE);
            }
            throw new TlsConfigException("unsupported SPKI pin '" + pin + "': only sha256/<base64> pins are supported"
                    + (slash > 0 ? " (not " + pin.substring(0, slash) + ")" : "") + "; " + HOW_TO_COMPUTE);
        }
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(pin.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            throw new TlsConfigException("SPKI pin '" + pin + "' is not valid base64 after 'sha256/'; " + HOW_TO_COMPUTE, e);
        }
        if (digest.length != SHA256_LENGTH) {
            throw new TlsConfigException("SPKI pin '" + pin + "' holds " + digest.length
                    + " bytes; a SHA-256 pin holds 32 (44 base64 characters); " + HOW_TO_COMPUTE);
        }
        return new SpkiPin(digest);
    }

    /** The pin of {@code certificate}'s public key. */
    public static SpkiPin of(X509Certificate certificate) {
        return of(certificate.getPublicKey());
    }

    /** The pin of {@code key}, whose {@link PublicKey#getEncoded()} is its DER SubjectPublicKeyInfo. */
    public static SpkiPin of(PublicKey key) {
        try {
            return new SpkiPin(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java SE platform", e);
        }
    }

    /** {@code sha256/BASE64}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return PREFIX + Base64.getEncoder().encodeToString(digest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpkiPin && MessageDigest.isEqual(digest, ((SpkiPin) other).digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    private static boolean looksLikeHexFingerprint(String text) {
        String hex = text.replaceFirst("(?i)^sha-?(1|256)[:=]", "").replace(":", "");
        return hex.length() >= 40 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
