package dev.logshield.crypto.keys;

import java.util.Arrays;

/**
 * One wrapped copy of a segment's data key in the key block of an LSE file: a type byte and an opaque body
 * (see FORMAT.md, "Key block"). Each recipient public key or key-encryption key contributes one stanza.
 */
public record Stanza(int type, byte[] body) {

    /** HPKE (RFC 9180) base mode to an X25519 recipient public key. */
    public static final int HPKE_X25519 = 0x01;
    /** AES key wrap with padding (RFC 5649) under a key-encryption key from a PKCS#12 keystore. */
    public static final int AES_KWP = 0x02;
    /** Largest stanza body the format admits (its length field is 16 bits). */
    public static final int MAX_BODY = 0xFFFF;

    public Stanza {
        if (type < 1 || type > 0xFF) {
            throw new IllegalArgumentException("stanza type out of range: " + type);
        }
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("stanza body too long: " + body.length);
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stanza other && other.type == type && Arrays.equals(other.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Stanza[type=" + type + ", " + body.length + " bytes]";
    }
}
