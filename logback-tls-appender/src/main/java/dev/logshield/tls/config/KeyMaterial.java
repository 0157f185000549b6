package dev.logshield.tls.config;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * A client's TLS identity: its private key and certificate chain (leaf first), checked to belong together and to
 * be usable now. Loaded from PEM files or a PKCS#12 key store:
 * <pre>
 * &lt;certificate&gt;/etc/app/tls/client.pem&lt;/certificate&gt;        &lt;!-- leaf, then intermediates --&gt;
 * &lt;privateKey&gt;/etc/app/tls/client.key&lt;/privateKey&gt;
 * &lt;privateKeyPassword&gt;${TLS_KEY_PASSWORD}&lt;/privateKeyPassword&gt;   &lt;!-- only for an encrypted key --&gt;
 *
 * &lt;keyStore&gt;/etc/app/tls/client.p12&lt;/keyStore&gt;              &lt;!-- or a PKCS#12 file --&gt;
 * &lt;keyStorePassword&gt;${TLS_KEYSTORE_PASSWORD}&lt;/keyStorePassword&gt;
 * &lt;keyAlias&gt;client&lt;/keyAlias&gt;                               &lt;!-- only when it holds several keys --&gt;
 * </pre>
 * Refused, with a message saying why: a key that does not belong to the leaf certificate, a leaf that has expired
 * or is not yet valid. Reported as {@link #warnings()} (the handshake will probably fail, but it is the server's
 * call): a leaf whose extended key usage lacks clientAuth, or whose key usage lacks digitalSignature.
 * Immutable.
 */
public final class KeyMaterial {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final List<String> warnings;

    private KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain, List<String> warnings) {
        this.privateKey = privateKey;
        this.chain = chain;
        this.warnings = warnings;
    }

    /**
     * Loads the chain from {@code certificateFile} (leaf first) and the key from {@code keyFile}, which may be the
     * same file.
     *
     * @param password the password of an encrypted key, else {@code null}
     * @throws TlsConfigException for missing or unreadable files, PEM problems (see {@link PemFiles}), a key that
     *         does not belong to the leaf, a leaf that is not valid now
     */
    public static KeyMaterial fromPem(Path certificateFile, Path keyFile, char[] password) throws TlsConfigException {
        List<X509Certificate> chain = PemFiles.readCertificates(certificateFile);
        PrivateKey key = PemFiles.readPrivateKey(keyFile, password);
        return of(key, chain, "certificate file " + certificateFile, "private key " + keyFile);
    }

    /**
     * Loads a private key entry and its chain from a PKCS#12 key store; the entry must be protected by the key store
     * password (as {@code openssl pkcs12 -export} and {@code keytool} make them).
     *
     * @param alias the entry to use; {@code null} or blank to use the only private key entry
     * @throws TlsConfigException for a missing file, no password, a wrong password, a file that is not PKCS#12, an
     *         absent alias, no or several private keys without an alias, and everything {@link #of} refuses
     */
    public static KeyMaterial fromPkcs12(Path keyStore, char[] password, String alias) throws TlsConfigException {
        if (password == null) {
            throw new TlsConfigException("no password configured for key store " + keyStore
                    + "; configure the key store password (LogShield has no default password)");
        }
        KeyStore store = Keystores.load(keyStore, "PKCS12", password, "key store");
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keyAliases.add(a);
                }
            }
            Collections.sort(keyAliases);
            String chosen = alias == null || alias.isBlank() ? onlyKey(keyStore, keyAliases) : alias.strip();
            if (!store.containsAlias(chosen)) {
                throw new TlsConfigException("no entry '" + chosen + "' in key store " + keyStore
                        + (keyAliases.isEmpty() ? " (it holds no private key at all)"
                                : "; private key entries present: " + String.join(", ", keyAliases)));
            }
            if (!store.isKeyEntry(chosen)) {
                throw new TlsConfigException("entry '" + chosen + "' in key store " + keyStore
                        + " is a trusted certificate, not a private key with its certificate"
                        + (keyAliases.isEmpty() ? "" : "; private key entries present: " + String.join(", ", keyAliases)));
            }
            Key key;
            try {
                key = store.getKey(chosen, password);
            } catch (UnrecoverableKeyException e) {
                throw new TlsConfigException("entry '" + chosen + "' in key store " + keyStore
                        + " is protected by a password other than the key store password; give the entry the key store's password", e);
            }
            if (!(key instanceof PrivateKey)) {
                throw new TlsConfigException("entry '" + chosen + "' in key store " + keyStore + " is a secret key, not a private key");
            }
            Certificate[] certificates = store.getCertificateChain(chosen);
            if (certificates == null || certificates.length == 0) {
                throw new TlsConfigException("entry '" + chosen + "' in key store " + keyStore + " has no certificate chain");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            String where = "entry '" + chosen + "' of key store " + keyStore;
            return of((PrivateKey) key, chain, where, where);
        } catch (KeyStoreException | java.security.NoSuchAlgorithmException e) {
            throw new TlsConfigException("cannot read key store " + keyStore + ": " + PemFiles.describe(e), e);
        }
    }

    /**
     * Key material from objects already loaded, checked like the files.
     *
     * @param origin where they came from, for messages (e.g. "certificate file /etc/app/client.pem")
     */
    public static KeyMaterial of(PrivateKey privateKey, List<X509Certificate> chain, String origin) throws TlsConfigException {
        return of(privateKey, chain, origin, origin);
    }

    private static KeyMaterial of(PrivateKey key, List<X509Certificate> chain, String certificateOrigin, String keyOrigin)
            throws TlsConfigException {
        if (chain.isEmpty()) {
            throw new TlsConfigException("no certificate in " + certificateOrigin);
        }
        X509Certificate leaf = chain.get(0);
        if (!belongTogether(key, leaf.getPublicKey())) {
            for (int i = 1; i < chain.size(); i++) {
                if (belongTogether(key, chain.get(i).getPublicKey())) {
                    throw new TlsConfigException("the certificate of " + keyOrigin + " is number " + (i + 1) + " in "
                            + certificateOrigin + "; put it first (the leaf, then its intermediates)");
                }
            }
            throw new TlsConfigException(keyOrigin + " does not belong to certificate " + CertificateText.subject(leaf)
                    + " (" + certificateOrigin + "); configure the key issued with this certificate");
        }
        Date now = new Date();
        try {
            leaf.checkValidity(now);
        } catch (CertificateExpiredException e) {
            throw new TlsConfigException("certificate " + CertificateText.subject(leaf) + " (" + certificateOrigin
                    + ") expired on " + CertificateText.utc(leaf.getNotAfter()) + " (valid from "
                    + CertificateText.utc(leaf.getNotBefore()) + " to " + CertificateText.utc(leaf.getNotAfter())
                    + "); renew it", e);
        } catch (CertificateNotYetValidException e) {
            throw new TlsConfigException("certificate " + CertificateText.subject(leaf) + " (" + certificateOrigin
                    + ") is not valid before " + CertificateText.utc(leaf.getNotBefore()) + " (valid from "
                    + CertificateText.utc(leaf.getNotBefore()) + " to " + CertificateText.utc(leaf.getNotAfter())
                    + "; it is now " + CertificateText.utc(now) + "); check this host's clock", e);
        }
        return new KeyMaterial(key, List.copyOf(chain), warnings(leaf, certificateOrigin));
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The certificate chain, leaf first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The client certificate itself. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The SPKI pin of the leaf's key (what a server pinning this client would list). */
    public SpkiPin pin() {
        return SpkiPin.of(leaf());
    }

    /** Problems that do not stop loading but will probably make servers refuse this certificate; may be empty. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The leaf for status messages: {@code subject=CN=client1.test; issuer=CN=...; SAN=DNS:client1.test;
     * notAfter=2026-01-31T10:00:00Z; pin=sha256/...}.
     */
    public String describe() {
        return CertificateText.describe(leaf());
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String onlyKey(Path keyStore, List<String> keyAliases) throws TlsConfigException {
        if (keyAliases.isEmpty()) {
            throw new TlsConfigException("key store " + keyStore + " holds no private key entry;"
                    + " create one with: openssl pkcs12 -export -in client.pem -inkey client.key -out client.p12");
        }
        if (keyAliases.size() > 1) {
            throw new TlsConfigException("key store " + keyStore + " holds several private keys ("
                    + String.join(", ", keyAliases) + "); configure the key alias to choose one");
        }
        return keyAliases.get(0);
    }

    private static List<String> warnings(X509Certificate leaf, String origin) {
        List<String> warnings = new ArrayList<>();
        String name = "certificate " + CertificateText.subject(leaf) + " (" + origin + ")";
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
                warnings.add(name + " does not allow client authentication: its extended key usage lacks clientAuth,"
                        + " so TLS servers will probably refuse it; issue it with extendedKeyUsage=clientAuth");
            }
        } catch (CertificateParsingException e) {
            warnings.add(name + " has an unreadable extended key usage extension");
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && !keyUsage[0]) {
            warnings.add(name + " does not allow digital signatures (key usage lacks digitalSignature),"
                    + " which TLS client authentication needs; reissue it with keyUsage=digitalSignature");
        }
        return List.copyOf(warnings);
    }

    /** Whether {@code key} is the private half of {@code publicKey}: same RSA modulus, or a signature that verifies. */
    static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        if (key instanceof RSAKey && publicKey instanceof RSAKey) {
            return ((RSAKey) key).getModulus().equals(((RSAKey) publicKey).getModulus());
        }
        String algorithm;
        switch (key.getAlgorithm()) {
            case "EC":
                algorithm = "SHA256withECDSA";
                break;
            case "EdDSA":
            case "Ed25519":
            case "Ed448":
                algorithm = "EdDSA";
                break;
            case "DSA":
                algorithm = "SHA256withDSA";
                break;
            default:
                return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // another algorithm or curve: not the same key
        }
    }
}
