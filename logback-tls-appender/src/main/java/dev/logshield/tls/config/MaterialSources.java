package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where one end's key, trust and revocation material come from, and every file they are read from: what
 * {@link ContextReloader} needs of {@link TlsClientSettings} and {@link TlsServerSettings} to load the material and
 * notice when it changes.
 */
interface MaterialSources {

    /** Where the own key and certificate chain come from. */
    KeySource keySource();

    /** Where the CAs trusted for the peer come from. */
    TrustSource trustSource();

    /** Where the CRLs the peer's chain is checked against come from; {@link RevocationSource#none()} for none. */
    RevocationSource revocationSource();

    /** Every file the material is read from, each once. */
    List<Path> files();
}
