package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The key, trust, revocation and protocol elements that both {@code MtlsAppender} and {@code MtlsReceiver} accept, as Joran set
 * them from logback.xml: text, possibly blank, not checked yet. Each component keeps its own setters (Joran looks
 * for them on the component) and they write here; the component's {@code start()} checks the values and turns them
 * into {@link TlsClientSettings} or {@link TlsServerSettings}, reporting problems in its own words.
 * <pre>
 * &lt;certificate&gt;tls.pem&lt;/certificate&gt; &lt;privateKey&gt;tls.key&lt;/privateKey&gt; &lt;privateKeyPassword&gt;..&lt;/privateKeyPassword&gt;
 *   or &lt;keyStore&gt;tls.p12&lt;/keyStore&gt; &lt;keyStorePassword&gt;..&lt;/keyStorePassword&gt; &lt;keyAlias&gt;..&lt;/keyAlias&gt;
 * &lt;trustedCertificates&gt;ca.pem&lt;/trustedCertificates&gt;
 *   or &lt;trustStore&gt;trust.p12&lt;/trustStore&gt; &lt;trustStorePassword&gt;..&lt;/trustStorePassword&gt; &lt;trustStoreType&gt;..&lt;/trustStoreType&gt;
 * &lt;revocationList&gt;ca.crl&lt;/revocationList&gt;   (repeatable) &lt;revocationSoftFail&gt;false&lt;/revocationSoftFail&gt;
 * &lt;protocols&gt;TLSv1.3,TLSv1.2&lt;/protocols&gt;
 * </pre>
 * Mutable and not thread-safe: written while Joran configures the component, read in its {@code start()}.
 */
public final class TlsElements {

    /** {@code <certificate>}: PEM chain, leaf first. */
    public String certificate;
    /** {@code <privateKey>}: PEM private key. */
    public String privateKey;
    /** {@code <privateKeyPassword>}: password of an encrypted {@code <privateKey>}. */
    public String privateKeyPassword;
    /** {@code <keyStore>}: PKCS#12 key and chain, instead of PEM files. */
    public String keyStore;
    /** {@code <keyStorePassword>}. */
    public String keyStorePassword;
    /** {@code <keyAlias>}: the key store entry, when it holds several keys. */
    public String keyAlias;
    /** {@code <trustedCertificates>}: PEM CA bundle. */
    public String trustedCertificates;
    /** {@code <trustStore>}: PKCS#12 or JKS trust store, instead of a PEM bundle. */
    public String trustStore;
    /** {@code <trustStorePassword>}. */
    public String trustStorePassword;
    /** {@code <trustStoreType>}: PKCS12 or JKS; detected when not set. */
    public String trustStoreType;
    /** {@code <protocols>}: TLSv1.3, TLSv1.2 or both, comma- or blank-separated. */
    public String protocols;
    /** {@code <revocationList>}, repeatable: files of CRLs the peer's chain is checked against. */
    public final List<String> revocationLists = new ArrayList<>();
    /** {@code <revocationSoftFail>}: accept a chain with a CA that has no current CRL. */
    public boolean revocationSoftFail;

    /** The revocation elements as a {@link RevocationSource}: blank {@code <revocationList>} elements are skipped. */
    public RevocationSource revocationSource() {
        List<Path> files = new ArrayList<>();
        for (String file : revocationLists) {
            if (present(file)) {
                files.add(Path.of(file.strip()));
            }
        }
        return RevocationSource.of(files, revocationSoftFail);
    }

    /** Whether an element was given a value that is not blank: a blank element counts as not configured. */
    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
