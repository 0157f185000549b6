package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a mutual-TLS client connection is configured with, checked for consistency once: where the client's
 * key material and the trust anchors come from, optional revocation lists for the server's chain, optional SPKI
 * pins, hostname verification (on unless turned off),
 * the protocol versions (TLSv1.3 and TLSv1.2, or one of them: nothing older is accepted) and optional cipher
 * suites (the JDK's defaults otherwise). The XML elements the appender maps onto the builder:
 * <pre>
 * &lt;certificate&gt;client.pem&lt;/certificate&gt; &lt;privateKey&gt;client.key&lt;/privateKey&gt; &lt;privateKeyPassword&gt;..&lt;/privateKeyPassword&gt;
 *   or &lt;keyStore&gt;client.p12&lt;/keyStore&gt; &lt;keyStorePassword&gt;..&lt;/keyStorePassword&gt; &lt;keyAlias&gt;..&lt;/keyAlias&gt;
 * &lt;trustedCertificates&gt;ca.pem&lt;/trustedCertificates&gt;
 *   or &lt;trustStore&gt;truststore.p12&lt;/trustStore&gt; &lt;trustStorePassword&gt;..&lt;/trustStorePassword&gt; &lt;trustStoreType&gt;..&lt;/trustStoreType&gt;
 * &lt;revocationList&gt;ca.crl&lt;/revocationList&gt;   &lt;!-- repeatable; see {@link RevocationList} --&gt;
 * &lt;revocationSoftFail&gt;false&lt;/revocationSoftFail&gt;
 * &lt;pin&gt;sha256/...&lt;/pin&gt;                      &lt;!-- repeatable, or comma-separated --&gt;
 * &lt;hostnameVerification&gt;true&lt;/hostnameVerification&gt;
 * &lt;protocols&gt;TLSv1.3,TLSv1.2&lt;/protocols&gt;
 * &lt;cipherSuites&gt;TLS_AES_256_GCM_SHA384,...&lt;/cipherSuites&gt;
 * </pre>
 * Immutable and thread-safe; passwords stay inside the {@link KeySource}/{@link TrustSource} and are never shown.
 */
public final class TlsClientSettings implements MaterialSources {

    /** TLS 1.3. */
    public static final String TLS_1_3 = "TLSv1.3";
    /** TLS 1.2. */
    public static final String TLS_1_2 = "TLSv1.2";
    /** The only protocol versions LogShield speaks, in preference order. */
    public static final List<String> SUPPORTED_PROTOCOLS = List.of(TLS_1_3, TLS_1_2);

    private final TlsEndpointSettings endpoint;
    private final SpkiPins pins;
    private final boolean hostnameVerification;
    private final List<String> cipherSuites;

    private TlsClientSettings(Builder b, TlsEndpointSettings endpoint) {
        this.endpoint = endpoint;
        this.pins = b.pins;
        this.hostnameVerification = b.hostnameVerification;
        this.cipherSuites = List.copyOf(b.cipherSuites);
    }

    /** A builder with hostname verification on, TLSv1.3 + TLSv1.2, no pins, the JDK's cipher suites. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the client's key and certificate chain come from. */
    @Override
    public KeySource keySource() {
        return endpoint.keySource();
    }

    /** Where the trust anchors come from. */
    @Override
    public TrustSource trustSource() {
        return endpoint.trustSource();
    }

    /** Where the CRLs of the server's CAs come from; {@link RevocationSource#none()} when none is configured. */
    @Override
    public RevocationSource revocationSource() {
        return endpoint.revocationSource();
    }

    /** Pins the server's verified leaf must match; empty for no pinning. */
    public SpkiPins pins() {
        return pins;
    }

    /** Whether the server certificate must name the host connected to (true unless turned off). */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** The protocol versions to enable, a non-empty subset of {@link #SUPPORTED_PROTOCOLS} in preference order. */
    public List<String> protocols() {
        return endpoint.protocols();
    }

    /** The cipher suites to enable; empty to use the JDK's defaults. */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** Every file the key, trust and revocation material are read from, for change detection. */
    @Override
    public List<Path> files() {
        return endpoint.files();
    }

    @Override
    public String toString() {
        return endpoint.describe("trust")
                + (cipherSuites.isEmpty() ? "" : "; cipher suites: " + String.join(",", cipherSuites))
                + "; hostname verification: " + (hostnameVerification ? "on" : "off")
                + (pins.isEmpty() ? "" : "; pins: " + pins);
    }

    /**
     * Collects settings as Logback's setters deliver them; {@link #build()} checks they make sense together. Not
     * thread-safe.
     */
    public static final class Builder {
        private Path certificate;
        private Path privateKey;
        private char[] privateKeyPassword;
        private Path keyStore;
        private char[] keyStorePassword;
        private String keyAlias;
        private Path trustedCertificates;
        private Path trustStore;
        private char[] trustStorePassword;
        private String trustStoreType;
        private final List<Path> revocationLists = new ArrayList<>();
        private boolean revocationSoftFail;
        private SpkiPins pins = SpkiPins.none();
        private boolean hostnameVerification = true;
        private final List<String> protocols = new ArrayList<>();
        private final List<String> cipherSuites = new ArrayList<>();

        private Builder() {
        }

        /** PEM file with the client certificate, then its intermediates. */
        public Builder certificate(Path file) {
            this.certificate = file;
            return this;
        }

        /** PEM file with the client's private key (may be the certificate file). */
        public Builder privateKey(Path file) {
            this.privateKey = file;
            return this;
        }

        /** Password of an encrypted private key (copied). */
        public Builder privateKeyPassword(char[] password) {
            this.privateKeyPassword = copy(password);
            return this;
        }

        /** PKCS#12 file with the client's key and chain, instead of PEM files. */
        public Builder keyStore(Path file) {
            this.keyStore = file;
            return this;
        }

        /** Password of the PKCS#12 key store and of its entry (copied). */
        public Builder keyStorePassword(char[] password) {
            this.keyStorePassword = copy(password);
            return this;
        }

        /** The key store entry to use, when it holds several private keys. */
        public Builder keyAlias(String alias) {
            this.keyAlias = alias == null || alias.isBlank() ? null : alias.strip();
            return this;
        }

        /** PEM CA bundle to trust. */
        public Builder trustedCertificates(Path file) {
            this.trustedCertificates = file;
            return this;
        }

        /** PKCS#12 or JKS trust store, instead of a PEM bundle. */
        public Builder trustStore(Path file) {
            this.trustStore = file;
            return this;
        }

        /** Password of the trust store (copied). */
        public Builder trustStorePassword(char[] password) {
            this.trustStorePassword = copy(password);
            return this;
        }

        /** "PKCS12" or "JKS"; detected from the file when not set. */
        public Builder trustStoreType(String type) {
            this.trustStoreType = type == null || type.isBlank() ? null : type.strip();
            return this;
        }

        /** Adds a file of certificate revocation lists (PEM or DER), see {@link RevocationList}. */
        public Builder revocationList(Path file) {
            revocationLists.add(file);
            return this;
        }

        /**
         * Whether a server chain with a CA that has no current CRL among the revocation lists is accepted; off by
         * default (refused).
         */
        public Builder revocationSoftFail(boolean on) {
            this.revocationSoftFail = on;
            return this;
        }

        /** Adds pins (one, or several separated by commas). */
        public Builder pins(String text) throws TlsConfigException {
            this.pins = pins.with(SpkiPins.parse(text));
            return this;
        }

        /** Adds pins. */
        public Builder pins(SpkiPins more) {
            this.pins = pins.with(more);
            return this;
        }

        /** Whether the server's certificate must name the host connected to; on by default. */
        public Builder hostnameVerification(boolean on) {
            this.hostnameVerification = on;
            return this;
        }

        /** Replaces the protocol versions; each argument may itself be a comma-separated list. */
        public Builder protocols(String... names) {
            protocols.clear();
            protocols.addAll(split(names));
            return this;
        }

        /** Replaces the cipher suites; each argument may itself be a comma-separated list. */
        public Builder cipherSuites(String... names) {
            cipherSuites.clear();
            cipherSuites.addAll(split(names));
            return this;
        }

        /**
         * The settings.
         *
         * @throws TlsConfigException when no key material or no trust is configured, both forms of one are, a part
         *         of one form is missing (a certificate without its key, a store without its password), or a
         *         protocol other than TLSv1.3/TLSv1.2 is asked for
         */
        public TlsClientSettings build() throws TlsConfigException {
            return new TlsClientSettings(this, TlsEndpointSettings.of(keySource(), trustSource(),
                    RevocationSource.of(revocationLists, revocationSoftFail), protocols));
        }

        private KeySource keySource() throws TlsConfigException {
            boolean pem = certificate != null || privateKey != null;
            if (pem && keyStore != null) {
                throw new TlsConfigException("both PEM files (certificate/privateKey) and a key store are configured"
                        + " for the client key; configure one of them");
            }
            if (keyStore != null) {
                if (privateKeyPassword != null) {
                    throw new TlsConfigException("a private key password is configured with a key store; the key"
                            + " store password protects its entries: configure the key store password instead");
                }
                if (keyStorePassword == null) {
                    throw new TlsConfigException("key store " + keyStore + " is configured without its password;"
                            + " configure the key store password (LogShield has no default password)");
                }
                return KeySource.pkcs12(keyStore, keyStorePassword, keyAlias);
            }
            if (!pem) {
                throw new TlsConfigException("no client certificate configured: configure certificate and privateKey"
                        + " (PEM files) or keyStore (PKCS#12); the server requires mutual TLS");
            }
            if (certificate == null) {
                throw new TlsConfigException("private key " + privateKey + " is configured without its certificate;"
                        + " configure the certificate (PEM, leaf first)");
            }
            if (privateKey == null) {
                throw new TlsConfigException("certificate " + certificate + " is configured without its private key;"
                        + " configure the private key (PEM)");
            }
            if (keyAlias != null || keyStorePassword != null) {
                throw new TlsConfigException("a key alias or key store password is configured without a key store;"
                        + " they apply only to a PKCS#12 key store");
            }
            return KeySource.pem(certificate, privateKey, privateKeyPassword);
        }

        private TrustSource trustSource() throws TlsConfigException {
            if (trustedCertificates != null && trustStore != null) {
                throw new TlsConfigException("both trusted certificates (PEM) and a trust store are configured;"
                        + " configure one of them");
            }
            if (trustStore != null) {
                if (trustStorePassword == null) {
                    throw new TlsConfigException("trust store " + trustStore + " is configured without its password;"
                            + " configure the trust store password (LogShield has no default password)");
                }
                return TrustSource.trustStore(trustStore, trustStoreType, trustStorePassword);
            }
            if (trustStorePassword != null || trustStoreType != null) {
                throw new TlsConfigException("a trust store password or type is configured without a trust store");
            }
            if (trustedCertificates == null) {
                throw new TlsConfigException("no trusted CA configured: configure trustedCertificates (a PEM CA bundle)"
                        + " or a trust store; LogShield never falls back to the JVM's default CA certificates");
            }
            return TrustSource.pem(trustedCertificates);
        }

        private static List<String> split(String... names) {
            List<String> parts = new ArrayList<>();
            if (names != null) {
                for (String n : names) {
                    if (n != null) {
                        for (String part : n.split("[,\\s]+")) {
                            if (!part.isEmpty()) {
                                parts.add(part);
                            }
                        }
                    }
                }
            }
            return parts;
        }

        private static char[] copy(char[] password) {
            return password == null ? null : password.clone();
        }
    }
}
