package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
public final class TlsServerSettings {

    private final KeySource keySource;
    private final TrustSource trustSource;
    private final List<String> protocols;
    private final Path revocationList;

    private TlsServerSettings(KeySource keySource, TrustSource trustSource, List<String> protocols,
            Path revocationList) {
        this.keySource = keySource;
        this.trustSource = trustSource;
        this.protocols = protocols;
        this.revocationList = revocationList;
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
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(trustSource, "trustSource");
        List<String> chosen = new ArrayList<>();
        for (String wanted : protocols) {
            String known = TlsClientSettings.SUPPORTED_PROTOCOLS.stream().filter(p -> p.equalsIgnoreCase(wanted.strip()))
                    .findFirst().orElseThrow(() -> new TlsConfigException("protocol '" + wanted + "' is not allowed:"
                            + " LogShield speaks only " + String.join(" and ", TlsClientSettings.SUPPORTED_PROTOCOLS)));
            if (!chosen.contains(known)) {
                chosen.add(known);
            }
        }
        List<String> ordered = new ArrayList<>(TlsClientSettings.SUPPORTED_PROTOCOLS);
        if (!chosen.isEmpty()) {
            ordered.retainAll(chosen);
        }
        return new TlsServerSettings(keySource, trustSource, List.copyOf(ordered), revocationList);
    }

    /** Where the server's key and certificate chain come from. */
    public KeySource keySource() {
        return keySource;
    }

    /** Where the CAs of the clients' certificates come from. */
    public TrustSource trustSource() {
        return trustSource;
    }

    /** The protocol versions to enable, in preference order. */
    public List<String> protocols() {
        return protocols;
    }

    /** The CRL file of the clients' CAs, or {@code null} when none is configured. */
    public Path revocationList() {
        return revocationList;
    }

    /** The revocation list as {@link RevocationList} reads it against {@code trust}, or {@link RevocationList#NONE}. */
    public RevocationList loadRevocationList(TrustMaterial trust) throws TlsConfigException {
        return revocationList == null ? RevocationList.NONE : RevocationList.load(revocationList, trust);
    }

    /** Every file the material is read from, for change detection. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>(keySource.files());
        List<Path> more = new ArrayList<>(trustSource.files());
        if (revocationList != null) {
            more.add(revocationList);
        }
        for (Path f : more) {
            if (!files.contains(f)) {
                files.add(f);
            }
        }
        return List.copyOf(files);
    }

    @Override
    public String toString() {
        return "key: " + keySource + "; client CAs: " + trustSource + (revocationList == null ? ""
                : "; revocation list: " + revocationList) + "; protocols: " + String.join(",", protocols);
    }
}
