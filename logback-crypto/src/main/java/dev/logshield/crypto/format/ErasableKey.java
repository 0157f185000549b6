package dev.logshield.crypto.format;

import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * A raw secret key whose bytes can be erased ({@code SecretKeySpec} keeps a copy that cannot be destroyed on
 * JDK 17). Erasure in a JVM is best effort: providers may hold their own expanded copies until re-initialised.
 */
final class ErasableKey implements SecretKey {

    private static final long serialVersionUID = 1L;

    private final String algorithm;
    private final byte[] bytes;
    private volatile boolean destroyed;

    ErasableKey(byte[] bytes, String algorithm) {
        this.bytes = bytes.clone();
        this.algorithm = algorithm;
    }

    @Override
    public String getAlgorithm() {
        return algorithm;
    }

    @Override
    public String getFormat() {
        return "RAW";
    }

    @Override
    public byte[] getEncoded() {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
        return bytes.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
