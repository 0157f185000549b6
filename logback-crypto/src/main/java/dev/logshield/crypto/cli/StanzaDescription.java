package dev.logshield.crypto.cli;

import dev.logshield.crypto.format.Hex;
import dev.logshield.crypto.keys.Stanza;
import java.util.Arrays;

/** A one-line, secret-free description of a key block stanza for {@code inspect}: its kind and key id. */
final class StanzaDescription {

    private StanzaDescription() {
    }

    static String of(Stanza stanza) {
        byte[] body = stanza.body();
        return switch (stanza.type()) {
            case Stanza.HPKE_X25519 -> "HPKE X25519 recipient" + keyId(body, 6) + " (" + body.length + " bytes)";
            case Stanza.AES_KWP -> "AES key-wrap KEK" + keyId(body, 0) + alias(body) + " (" + body.length + " bytes)";
            default -> "unknown stanza type " + stanza.type() + " (" + body.length + " bytes)";
        };
    }

    private static String keyId(byte[] body, int at) {
        return body.length >= at + 8 ? ", key id " + Hex.of(Arrays.copyOfRange(body, at, at + 8)) : "";
    }

    private static String alias(byte[] body) {
        if (body.length < 9) {
            return "";
        }
        int length = body[8] & 0xFF;
        if (length == 0 || body.length < 9 + length) {
            return "";
        }
        StringBuilder alias = new StringBuilder();
        for (int i = 9; i < 9 + length; i++) {
            char c = (char) (body[i] & 0xFF);
            alias.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return ", alias \"" + alias + '"';
    }
}
