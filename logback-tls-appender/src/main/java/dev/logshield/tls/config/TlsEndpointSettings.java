package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What both ends of a mutual-TLS connection are configured with: where their own key and certificate chain come
 * from, where the CAs they trust for the peer come from, the revocation lists the peer's chain is checked against
 * ({@code <revocationList>}, {@code <revocationSoftFail>}), and the protocol versions (TLSv1.3 and TLSv1.2, or one
 * of them), checked once. {@link TlsClientSettings} and {@link TlsServerSettings} each hold one and add what only their
 * side has. Immutable; passwords stay inside the sources.
 */
final class TlsEndpointSettings {

    private final KeySource keySource;
    private final TrustSource trustSource;
    private final RevocationSource revocationSource;
    private final List<String> protocols;
    private final List<Path> files;

    private TlsEndpointSettings(KeySource keySource, TrustSource trustSource, RevocationSource revocationSource,
            List<String> protocols) {
        this.keySource = keySource;
        this.trustSource = trustSource;
        this.revocationSource = revocationSource;
        this.protocols = protocols;
        List<Path> all = new ArrayList<>(keySource.files());
        List<Path> more = new ArrayList<>(trustSource.files());
        more.addAll(revocationSource.files());
        for (Path f : more) {
            if (!all.contains(f)) {
                all.add(f);
            }
        }
        this.files = List.copyOf(all);
    }

    /**
     * Settings from checked sources.
     *
     * @param protocols a subset of {@link TlsClientSettings#SUPPORTED_PROTOCOLS} (case-insensitive, surrounding
     *        blanks ignored); empty for both
     * @throws TlsConfigException naming the protocol when one is not TLSv1.3 or TLSv1.2
     */
    static TlsEndpointSettings of(KeySource keySource, TrustSource trustSource, RevocationSource revocationSource,
            List<String> protocols) throws TlsConfigException {
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(trustSource, "trustSource");
        Objects.requireNonNull(revocationSource, "revocationSource");
        return new TlsEndpointSettings(keySource, trustSource, revocationSource, checkedProtocols(protocols));
    }

    KeySource keySource() {
        return keySource;
    }

    TrustSource trustSource() {
        return trustSource;
    }

    RevocationSource revocationSource() {
        return revocationSource;
    }

    /** A non-empty subset of {@link TlsClientSettings#SUPPORTED_PROTOCOLS}, in preference order. */
    List<String> protocols() {
        return protocols;
    }

    /** Every file the key, trust and revocation material are read from, each once, for change detection. */
    List<Path> files() {
        return files;
    }

    /** "key: ...; {@code trustLabel}: ...[; revocation lists: ...]; protocols: ..." without any password. */
    String describe(String trustLabel) {
        return "key: " + keySource + "; " + trustLabel + ": " + trustSource
                + (revocationSource.files().isEmpty() ? "" : "; revocation lists: " + revocationSource)
                + "; protocols: " + String.join(",", protocols);
    }

    private static List<String> checkedProtocols(List<String> wanted) throws TlsConfigException {
        List<String> supported = TlsClientSettings.SUPPORTED_PROTOCOLS;
        List<String> chosen = new ArrayList<>();
        for (String name : wanted) {
            String known = supported.stream().filter(p -> p.equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new TlsConfigException("protocol '" + name + "' is not allowed:"
                            + " LogShield speaks only " + String.join(" and ", supported)));
            if (!chosen.contains(known)) {
                chosen.add(known);
            }
        }
        List<String> ordered = new ArrayList<>(supported);
        if (!chosen.isEmpty()) {
            ordered.retainAll(chosen);
        }
        return List.copyOf(ordered);
    }
}
