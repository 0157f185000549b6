package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a mutual-TLS server (the log receiver) is configured with: its own key material, the CAs its clients'
 * certificates must chain to, the certificates those CAs revoked, and the protocol versions (TLSv1.3 and TLSv1.2, or one of them). Clients must
 * always present a certificate. The receiver's elements map onto it:
 * <pre>
 * &lt;certificate&gt;receiver.pem&lt;/certificate&gt; &lt;privateKey&gt;receiver.key&lt;/privateKey&gt;
 *   or &lt;keyStore&gt;receiver.p12&lt;/keyStore&gt; &lt;keyStorePassword&gt;..&lt;/keyStorePassword&gt;
 * &lt;trustedCertificates&gt;clients-ca.pem&lt;/trustedCertificates&gt;
 *   or &lt;trustStore&gt;clients.p12&lt;/trustStore&gt; &lt;trustStorePassword&gt;..&lt;/trustStorePassword&gt;
 * &lt;revocationList&gt;clients-ca.crl&lt;/revocationList&gt;   (optional)
 * &lt;protocols&gt;TLSv1.3,TLSv1.2&lt;/protocols&gt;
 * </pre>
 * Immutable; passwords stay inside the sources and are never shown.
 */
public final class TlsServerSettings implements MaterialSources {

    private final TlsEndpointSettings endpoint;
    private final Path revocationList;
    private final List<Path> files;

    private TlsServerSettings(TlsEndpointSettings endpoint, Path revocationList) {
        this.endpoint = endpoint;
        this.revocationList = revocationList;
        List<Path> all = new ArrayList<>(endpoint.files());
        if (revocationList != null && !all.contains(revocationList)) {
            all.add(revocationList);
        }
        this.files = List.copyOf(all);
    }

    /**
     * Settings from checked sources, without a revocation list.
     *
     * @param protocols a subset of {@link TlsClientSettings#SUPPORTED_PROTOCOLS} (case-insensitive); empty for both
     * @throws TlsConfigException naming the protocol when one is not TLSv1.3 or TLSv1.2
     */
    public static TlsServerSettings of(KeySource keySource, TrustSource trustSource, List<String> protocols)
            throws TlsConfigException {
        return of(keySource, trustSource, protocols, null);
    }

    /**
     * Settings from checked sources.
     *
     * @param protocols      a subset of {@link TlsClientSettings#SUPPORTED_PROTOCOLS} (case-insensitive); empty for
     *                       both
     * @param revocationList the CRL file of the clients' CAs, see {@link RevocationList}; {@code null} for none
     * @throws TlsConfigException naming the protocol when one is not TLSv1.3 or TLSv1.2
     */
    public static TlsServerSettings of(KeySource keySource, TrustSource trustSource, List<String> protocols,
            Path revocationList) throws TlsConfigException {
        return new TlsServerSettings(TlsEndpointSettings.of(keySource, trustSource, protocols), revocationList);
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

    /** The protocol versions to enable, in preference order. */
    public List<String> protocols() {
        return endpoint.protocols();
    }

    /** The CRL file of the clients' CAs, or {@code null} when none is configured. */
    public Path revocationList() {
        return revocationList;
    }

    /** The revocation list as {@link RevocationList} reads it against {@code trust}, or {@link RevocationList#NONE}. */
    public RevocationList loadRevocationList(TrustMaterial trust) throws TlsConfigException {
        return revocationList == null ? RevocationList.NONE : RevocationList.load(revocationList, trust);
    }

    /** Every file the material is read from, the revocation list included, for change detection. */
    @Override
    public List<Path> files() {
        return files;
    }

    @Override
    public String toString() {
        return endpoint.describe("client CAs", revocationList == null ? "" : "; revocation list: " + revocationList);
    }
}
