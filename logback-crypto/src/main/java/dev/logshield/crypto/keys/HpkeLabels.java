package dev.logshield.crypto.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 9180 section 4: LabeledExtract and LabeledExpand over HKDF-SHA256, which bind every derivation to the
 * protocol version ("HPKE-v1"), the suite and a label.
 */
final class HpkeLabels {

    private static final byte[] VERSION = ascii("HPKE-v1");

    private HpkeLabels() {
    }

    static byte[] labeledExtract(byte[] suiteId, byte[] salt, String label, byte[] ikm) {
        return Hkdf.extract(salt, concat(VERSION, suiteId, ascii(label), ikm));
    }

    static byte[] labeledExpand(byte[] suiteId, byte[] prk, String label, byte[] info, int length) {
        byte[] lengthPrefix = {(byte) (length >>> 8), (byte) length};
        return Hkdf.expand(prk, concat(lengthPrefix, VERSION, suiteId, ascii(label), info), length);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
