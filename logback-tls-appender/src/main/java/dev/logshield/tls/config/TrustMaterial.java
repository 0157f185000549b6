package dev.logshield.tls.config;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate authorities a peer's chain must lead to, and the JDK's PKIX trust manager built on them:
 * <pre>
 * &lt;trustedCertificates&gt;/etc/app/tls/ca.pem&lt;/trustedCertificates&gt;   &lt;!-- a PEM CA bundle --&gt;
 *
 * &lt;trustStore&gt;/etc/app/tls/truststore.p12&lt;/trustStore&gt;         &lt;!-- or a trust store --&gt;
 * &lt;trustStorePassword&gt;${TLS_TRUSTSTORE_PASSWORD}&lt;/trustStorePassword&gt;
 * &lt;trustStoreType&gt;PKCS12&lt;/trustStoreType&gt;                       &lt;!-- or JKS; detected when absent --&gt;
 * </pre>
 * Trust is always explicit: the anchors are exactly the configured certificates, never the JVM's default
 * {@code cacerts}, so a log destination is never trusted just because some public CA issued its certificate.
 * {@link #trustManager()} does not check revocation; with {@code <revocationList>} configured,
 * {@link RevocationCheckingTrustManager} builds the one that does, over the same certificates. Every certificate of the bundle or
 * every trusted-certificate entry of the store is an anchor, so a self-signed server certificate can be trusted
 * directly. Immutable.
 */
public final class TrustMaterial {

    private final List<X509Certificate> anchors;
    private final X509ExtendedTrustManager trustManager;
    private final List<String> warnings;
    private final String origin;

    private TrustMaterial(List<X509Certificate> anchors, X509ExtendedTrustManager trustManager, List<String> warnings,
            String origin) {
        this.anchors = anchors;
        this.trustManager = trustManager;
        this.warnings = warnings;
        this.origin = origin;
    }

    /**
     * Trusts every certificate of a PEM file.
     *
     * @throws TlsConfigException when the file is missing, unreadable or holds no certificate
     */
    public static TrustMaterial fromPem(Path caBundle) throws TlsConfigException {
        return of(PemFiles.readCertificates(caBundle, "CA certificate file"), "CA certificate file " + caBundle);
    }

    /**
     * Trusts the trusted-certificate entries of a key store.
     *
     * @param type "PKCS12" or "JKS" (case-insensitive); {@code null} or blank to detect it from the file
     * @param password the store's password; required (LogShield has no default password)
     * @throws TlsConfigException for a missing file, no or a wrong password, an unsupported type, a store without
     *         trusted-certificate entries
     */
    public static TrustMaterial fromTrustStore(Path trustStore, String type, char[] password) throws TlsConfigException {
        if (password == null) {
            throw new TlsConfigException("no password configured for trust store " + trustStore
                    + "; configure the trust store password (LogShield has no default password)");
        }
        String normalized = type == null || type.isBlank() ? null : type.strip().toUpperCase(Locale.ROOT);
        if (normalized != null && !normalized.equals("PKCS12") && !normalized.equals("JKS")) {
            throw new TlsConfigException("trust store type '" + type.strip() + "' is not supported; use PKCS12 or JKS");
        }
        KeyStore store = Keystores.load(trustStore, normalized, password, "trust store");
        List<X509Certificate> certificates = new ArrayList<>();
        List<String> keyEntries = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate) {
                    certificates.add((X509Certificate) store.getCertificate(alias));
                } else if (store.isKeyEntry(alias)) {
                    keyEntries.add(alias);
                }
            }
        } catch (KeyStoreException e) {
            throw new TlsConfigException("cannot read trust store " + trustStore + ": " + PemFiles.describe(e), e);
        }
        if (certificates.isEmpty()) {
            throw new TlsConfigException("trust store " + trustStore + " holds no trusted certificate"
                    + (keyEntries.isEmpty() ? "" : " (only private key entries: " + String.join(", ", keyEntries) + ")")
                    + "; import the CA with: keytool -importcert -alias ca -file ca.pem -keystore " + trustStore);
        }
        return of(certificates, "trust store " + trustStore);
    }

    /**
     * Trusts exactly {@code anchors}.
     *
     * @param origin where they came from, for messages
     */
    public static TrustMaterial of(Collection<X509Certificate> anchors, String origin) throws TlsConfigException {
        if (anchors.isEmpty()) {
            throw new TlsConfigException("no trusted certificate in " + origin);
        }
        Set<TrustAnchor> trustAnchors = new LinkedHashSet<>();
        for (X509Certificate anchor : anchors) {
            trustAnchors.add(new TrustAnchor(anchor, null));
        }
        X509ExtendedTrustManager trustManager;
        try {
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, new X509CertSelector());
            parameters.setRevocationEnabled(false);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(new CertPathTrustManagerParameters(parameters));
            trustManager = extended(factory.getTrustManagers());
        } catch (InvalidAlgorithmParameterException e) {
            throw new TlsConfigException("cannot use the certificates of " + origin + " as trust anchors: "
                    + PemFiles.describe(e), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX trust manager is unavailable", e);
        }
        List<String> warnings = new ArrayList<>();
        Date now = new Date();
        for (X509Certificate anchor : anchors) {
            if (anchor.getNotAfter().before(now)) {
                warnings.add("trusted certificate " + CertificateText.subject(anchor) + " in " + origin + " expired on "
                        + CertificateText.utc(anchor.getNotAfter()) + "; replace it with the CA's current certificate");
            }
        }
        return new TrustMaterial(List.copyOf(anchors), trustManager, List.copyOf(warnings), origin);
    }

    /** The trusted certificates. */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /**
     * The JDK's PKIX trust manager over {@link #anchors()}: checks the peer's chain, its validity dates and extended
     * key usage, and (through its Socket/SSLEngine methods) the server's name when the connection's SSLParameters ask
     * for endpoint identification.
     */
    public X509ExtendedTrustManager trustManager() {
        return trustManager;
    }

    /** Problems worth a status warning (an expired anchor); may be empty. */
    public List<String> warnings() {
        return warnings;
    }

    /** {@code N trusted certificate(s) from <origin>: <subjects>}, for status messages. */
    public String describe() {
        return anchors.size() + " trusted certificate" + (anchors.size() == 1 ? "" : "s") + " from " + origin + ": "
                + anchors.stream().map(CertificateText::subject).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The X509ExtendedTrustManager among what a {@link TrustManagerFactory} made. */
    static X509ExtendedTrustManager extended(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509ExtendedTrustManager) {
                return (X509ExtendedTrustManager) manager;
            }
        }
        throw new IllegalStateException("the JDK's PKIX trust manager factory made no X509ExtendedTrustManager");
    }
}
