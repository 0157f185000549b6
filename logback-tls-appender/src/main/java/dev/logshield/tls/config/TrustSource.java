package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where trust anchors come from: a PEM CA bundle, or a PKCS#12/JKS trust store with its password. Never the JVM's
 * default {@code cacerts}. Immutable; never shows the password in {@link #toString()}.
 */
public final class TrustSource {

    private final Path file;
    private final boolean pem;
    private final String type;
    private final char[] password;

    private TrustSource(Path file, boolean pem, String type, char[] password) {
        this.file = file;
        this.pem = pem;
        this.type = type;
        this.password = password == null ? null : password.clone();
    }

    /** The certificates of a PEM file. */
    public static TrustSource pem(Path caBundle) {
        return new TrustSource(caBundle, true, null, null);
    }

    /**
     * The trusted-certificate entries of a key store.
     *
     * @param type "PKCS12", "JKS", or {@code null} to detect it
     */
    public static TrustSource trustStore(Path trustStore, String type, char[] password) {
        return new TrustSource(trustStore, false, type, password);
    }

    /** Reads the anchors now, see {@link TrustMaterial}. */
    public TrustMaterial load() throws TlsConfigException {
        if (pem) {
            return TrustMaterial.fromPem(file);
        }
        char[] copy = password == null ? null : password.clone();
        try {
            return TrustMaterial.fromTrustStore(file, type, copy);
        } finally {
            if (copy != null) {
                Arrays.fill(copy, '\0');
            }
        }
    }

    /** The file {@link #load()} reads, for change detection. */
    public List<Path> files() {
        return List.of(file);
    }

    @Override
    public String toString() {
        return pem ? "CA certificates " + file : (type == null ? "" : type + " ") + "trust store " + file;
    }
}
