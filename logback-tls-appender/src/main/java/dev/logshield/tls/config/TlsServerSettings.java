package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What a mutual-TLS server (the log receiver) is configured with: its own key material, the CAs its clients'
 * certificates must chain to, the revocation lists every certificate of a client's chain is checked against, and the
 * protocol versions (TLSv1.3 and TLSv1.2, or one of them). Clients must always present a certificate. The
 * receiver's elements map onto it:
 * <pre>
 * &lt;certificate&gt;receiver.pem&lt;/certificate&gt; &lt;privateKey&gt;receiver.key&lt;/privateKey&gt;
 *   or &lt;keyStore&gt;receiver.p12&lt;/keyStore&gt; &lt;keyStorePassword&gt;..&lt;/keyStorePassword&gt;
 * &lt;trustedCertificates&gt;clients-ca.pem&lt;/trustedCertificates&gt;
 *   or &lt;trustStore&gt;clients.p12&lt;/trustStore&gt; &lt;trustStorePassword&gt;..&lt;/trustStorePassword&gt;
 * &lt;revocationList&gt;clients-ca.crl&lt;/revocationList&gt;   (optional, repeatable; see {@link RevocationList})
 * &lt;protocols&gt;TLSv1.3,TLSv1.2&lt;/protocols&gt;
 * </pre>
 * Immutable; passwords stay inside the sources and are never shown.
 */
public final class TlsServerSettings implements MaterialSources {

    private final TlsEndpointSettings endpoint;

    private TlsServerSettings(TlsEndpointSettings endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Settings from checked sources, without revocation checking.
     *
     * @param protocols a subset of {@link TlsClientSettings#SUPPORTED_PROTOCOLS} (case-insensitive); empty for both
     * @throws TlsConfigException naming the protocol when one is not TLSv1.3 or TLSv1.2
     */
    public static TlsServerSettings of(KeySource keySource, TrustSource trustSource, List<String> protocols)
            throws TlsConfigException {
        return of(keySource, trustSource, protocols, RevocationSource.none());
    }

    /**
     * Settings from checked sources.
     *
     * @param protocols        a subset of {@link TlsClientSettings#SUPPORTED_PROTOCOLS} (case-insensitive); empty
     *                         for both
     * @param revocationSource the CRL files of the clients' CAs, see {@link RevocationList}
     * @throws TlsConfigException naming the protocol when one is not TLSv1.3 or TLSv1.2
     */
    public static TlsServerSettings of(KeySource keySource, TrustSource trustSource, List<String> protocols,
            RevocationSource revocationSource) throws TlsConfigException {
        return new TlsServerSettings(TlsEndpointSettings.of(keySource, trustSource, revocationSource, protocols));
    }

    /** Where the server's key and certificate chain come from. */
    @Override
    public KeySource keySource() {
        return endpoint.keySource();
    }

    /** Where the CAs of the clients' certificates come from. */
    @Override
    public TrustSource trustSource() {
        return endpoint.trustSource();
    }

    /** Where the CRLs of the clients' CAs come from. */
    @Override
    public RevocationSource revocationSource() {
        return endpoint.revocationSource();
    }

    /** The protocol versions to enable, in preference order. */
    public List<String> protocols() {
        return endpoint.protocols();
    }

    /** Every file the material is read from, the revocation lists included, for change detection. */
    @Override
    public List<Path> files() {
        return endpoint.files();
    }

    @Override
    public String toString() {
        return endpoint.describe("client CAs");
    }
}
