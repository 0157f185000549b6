package dev.logshield.tls.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;

/** Opens PKCS#12 and JKS files with one message per failure (missing, not a key store, wrong password). */
final class Keystores {

    private static final int JKS_MAGIC = 0xFEEDFEED;

    private Keystores() {
    }

    /** The type of a key store file by its first bytes: "JKS" for Java's magic number, else "PKCS12". */
    static String detectType(byte[] bytes) {
        if (bytes.length >= 4 && ((bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF)) == JKS_MAGIC) {
            return "JKS";
        }
        return "PKCS12";
    }

    /**
     * @param type "PKCS12", "JKS" or {@code null} to detect it
     * @param what "key store" or "trust store", for messages
     */
    static KeyStore load(Path file, String type, char[] password, String what) throws TlsConfigException {
        byte[] bytes = PemFiles.readBytes(file, what);
        if (bytes.length == 0) {
            throw new TlsConfigException(what + " " + file + " is empty");
        }
        String text = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            throw new TlsConfigException(what + " " + file + " is a PEM file, not a " + (type == null ? "PKCS#12 or JKS" : type)
                    + " key store; configure PEM files as " + ("trust store".equals(what)
                            ? "the trusted certificates (CA bundle)" : "the certificate and private key"));
        }
        String actualType = type == null ? detectType(bytes) : type;
        KeyStore store;
        try {
            store = KeyStore.getInstance(actualType);
        } catch (KeyStoreException e) {
            throw new TlsConfigException(what + " type '" + actualType + "' of " + file
                    + " is not supported; use PKCS12 (or JKS)", e);
        }
        try {
            store.load(new ByteArrayInputStream(bytes), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                // how the JDK reports a failed integrity check (PKCS#12 MAC, JKS digest): the password is wrong
                throw new TlsConfigException("wrong password for " + what + " " + file, e);
            }
            throw new TlsConfigException(what + " " + file + " is not a readable " + actualType + " file ("
                    + PemFiles.describe(e) + ")", e);
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(what + " " + file + " cannot be read: " + PemFiles.describe(e), e);
        }
    }
}
