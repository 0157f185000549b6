package dev.logshield.crypto.format;

import dev.logshield.crypto.keys.Hkdf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * FORMAT.md's formulas written out with the JDK's primitives (SHA-256, HMAC-SHA256, AES-KWP), not with the writer's
 * classes, so that the test vectors are checked against the document rather than against the code that wrote them.
 */
final class DocumentFormulas {

    private DocumentFormulas() {
    }

    /** HKDF(ikm, salt, info, 32) = HMAC(HMAC(salt, ikm), info || 0x01). */
    static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info) {
        byte[] prk = Hkdf.hmac(salt, ikm);
        return Hkdf.hmac(prk, concat(info, new byte[] {0x01}));
    }

    /** Version 1 checkpoint tag (§9.2). */
    static byte[] checkpointTagV1(byte[] key, byte[] segmentId, long epoch, long time, long seq, byte[] digest) {
        return Hkdf.hmac(key, ascii("lse/v1 checkpoint"), segmentId,
                ByteBuffer.allocate(24).putLong(epoch).putLong(time).putLong(seq).array(), digest);
    }

    /** Version 2 checkpoint tag (§9.2): the kind byte and the frame count come before the digest. */
    static byte[] checkpointTagV2(byte[] key, byte[] segmentId, long epoch, long time, long seq, int kind,
                                  long frameCount, byte[] digest) {
        return Hkdf.hmac(key, ascii("lse/v2 checkpoint"), segmentId, ByteBuffer.allocate(33).putLong(epoch)
                .putLong(time).putLong(seq).put((byte) kind).putLong(frameCount).array(), digest);
    }

    /** D_seq of the one segment in {@code file}: SHA-256 of the core and the raw frames before {@code seq}. */
    static byte[] digestBefore(byte[] file, int seq) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(file, 0, 128);
        int p = frameStart(file);
        for (int i = 0; i < seq; i++) {
            int length = 5 + ByteBuffer.wrap(file, p, 4).getInt();
            digest.update(file, p, length);
            p += length;
        }
        return digest.digest();
    }

    /** Offset of frame 0: after the core, the key block length and the key block. */
    static int frameStart(byte[] file) {
        return 128 + 4 + ByteBuffer.wrap(file, 128, 4).getInt();
    }

    static byte[] kwp(byte[] kek, byte[] key) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
        cipher.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
        return cipher.wrap(new SecretKeySpec(key, "AES"));
    }

    static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
