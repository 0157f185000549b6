package dev.logshield.tls.config;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;

/** Compares private keys by value, whatever optional fields (a SEC1 public key, PKCS#8 attributes) their encoding carries. */
final class KeyMaterialKeys {

    private KeyMaterialKeys() {
    }

    static boolean sameKey(PrivateKey a, PrivateKey b) {
        if (a instanceof ECPrivateKey && b instanceof ECPrivateKey) {
            return ((ECPrivateKey) a).getS().equals(((ECPrivateKey) b).getS());
        }
        if (a instanceof RSAPrivateKey && b instanceof RSAPrivateKey) {
            return ((RSAPrivateKey) a).getModulus().equals(((RSAPrivateKey) b).getModulus())
                    && ((RSAPrivateKey) a).getPrivateExponent().equals(((RSAPrivateKey) b).getPrivateExponent());
        }
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
