package dev.logshield.crypto.keys;

import java.util.Base64;

/** Unpadded base64url for 32-byte keys in text files, decoded strictly (one canonical spelling per key). */
final class Base64Url {

    private Base64Url() {
    }

    static String encode(byte[] key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    static byte[] encodeToBytes(byte[] key) {
        return Base64.getUrlEncoder().withoutPadding().encode(key);
    }

    /**
     * @throws KeyMaterialException naming {@code what}, never quoting the text
     */
    static byte[] decodeKey(String text, String what) throws KeyMaterialException {
        byte[] key;
        try {
            if (text.indexOf('=') >= 0) {
                throw new IllegalArgumentException("padding");
            }
            key = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException(what + ": the key is not unpadded base64url", e);
        }
        if (key.length != SealKeyChain.KEY_LENGTH || !encode(key).equals(text)) {
            throw new KeyMaterialException(what + ": the key must be 32 bytes in canonical unpadded base64url (43 characters)");
        }
        return key;
    }
}
