package dev.logshield.crypto.testing;

import java.security.SecureRandom;

/**
 * A "random" source that returns the byte values start, start+1, start+2, ... (mod 256), so that a writer's
 * data key and segment id are fixed: FORMAT.md's test vectors are written with it. Never use outside tests.
 */
public final class CountingRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private int next;

    public CountingRandom(int start) {
        this.next = start & 0xFF;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) next;
            next = (next + 1) & 0xFF;
        }
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        byte[] seed = new byte[numBytes];
        nextBytes(seed);
        return seed;
    }

    @Override
    public void setSeed(long seed) {
        // fixed sequence: seeding changes nothing (SecureRandom's constructor calls this)
    }
}
