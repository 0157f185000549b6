package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where a client's key material comes from: a PEM certificate file and key file (optionally an encrypted key), or a
 * PKCS#12 key store. Immutable; holds its password (copied in and out) so it can reload the files, and never shows
 * it in {@link #toString()}.
 */
public final class KeySource {

    private final Path certificate;
    private final Path privateKey;
    private final Path keyStore;
    private final char[] password;
    private final String alias;

    private KeySource(Path certificate, Path privateKey, Path keyStore, char[] password, String alias) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.keyStore = keyStore;
        this.password = password == null ? null : password.clone();
        this.alias = alias;
    }

    /**
     * PEM files: the chain (leaf first) and the private key (may be the same file).
     *
     * @param password the key's password when it is encrypted, else {@code null}
     */
    public static KeySource pem(Path certificate, Path privateKey, char[] password) {
        return new KeySource(certificate, privateKey, null, password, null);
    }

    /**
     * A PKCS#12 key store whose entry is protected by the store password.
     *
     * @param alias the entry; {@code null} for the only private key entry
     */
    public static KeySource pkcs12(Path keyStore, char[] password, String alias) {
        return new KeySource(null, null, keyStore, password, alias);
    }

    /** Reads and checks the key material now, see {@link KeyMaterial}. */
    public KeyMaterial load() throws TlsConfigException {
        char[] copy = password == null ? null : password.clone();
        try {
            return keyStore != null ? KeyMaterial.fromPkcs12(keyStore, copy, alias)
                    : KeyMaterial.fromPem(certificate, privateKey, copy);
        } finally {
            if (copy != null) {
                Arrays.fill(copy, '\0');
            }
        }
    }

    /** The files {@link #load()} reads, for change detection. */
    public List<Path> files() {
        return keyStore != null ? List.of(keyStore)
                : certificate.equals(privateKey) ? List.of(certificate) : List.of(certificate, privateKey);
    }

    @Override
    public String toString() {
        return keyStore != null ? "PKCS#12 key store " + keyStore + (alias == null ? "" : " entry '" + alias + "'")
                : "certificate " + certificate + " with private key " + privateKey
                        + (password == null ? "" : " (encrypted)");
    }
}
