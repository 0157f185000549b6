package dev.logshield.redact.engine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a sensitive value into a stable pseudonym: HMAC-SHA256 under a secret key, over a per-type
 * domain tag and the value, truncated to 64 bits. Equal values of the same type give equal tokens, so
 * logs stay correlatable; without the key the token cannot be reversed or brute-forced (a dictionary of
 * emails or card numbers is useless without the key). The key id is part of the token so rotated keys
 * never produce comparable-looking tokens silently.
 */
public final class KeyedHasher {

    /** Minimum key length: 128 bits. */
    public static final int MIN_KEY_BYTES = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int TOKEN_BYTES = 8;

    private final SecretKeySpec key;
    private final String keyId;
    private final ThreadLocal<Mac> macs;

    /**
     * @param key   the secret, at least {@value #MIN_KEY_BYTES} bytes
     * @param keyId short public identifier of the key, written into every token
     */
    public KeyedHasher(byte[] key, String keyId) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("hash key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        if (keyId == null || keyId.isEmpty() || !keyId.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            throw new IllegalArgumentException("hash key id must be non-empty [A-Za-z0-9_-]");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256");
        this.keyId = keyId;
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail at construction, not at log time, if the JDK lacks HmacSHA256
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The key id written into tokens. */
    public String keyId() {
        return keyId;
    }

    /** Appends {@code [HASH:type:keyId:hex]} for {@code value} to {@code out}. */
    public void appendToken(String type, CharSequence value, StringBuilder out) {
        Mac mac = macs.get();
        mac.update(type.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(value.toString().getBytes(StandardCharsets.UTF_8));
        out.append("[HASH:").append(type).append(':').append(keyId).append(':');
        for (int i = 0; i < TOKEN_BYTES; i++) {
            out.append(HEX[(digest[i] >> 4) & 0xF]).append(HEX[digest[i] & 0xF]);
        }
        out.append(']');
    }
}
