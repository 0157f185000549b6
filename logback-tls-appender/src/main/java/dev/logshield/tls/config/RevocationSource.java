package dev.logshield.tls.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the certificate revocation lists come from (the {@code <revocationList>} files, in order) and what a CA of
 * the peer's chain without a current CRL means ({@code <revocationSoftFail>}): the revocation counterpart of
 * {@link KeySource} and {@link TrustSource}, read again by {@link #load} whenever one of its files changes.
 * Immutable.
 */
public final class RevocationSource {

    private static final RevocationSource NONE = new RevocationSource(List.of(), false);

    private final List<Path> files;
    private final boolean softFail;

    private RevocationSource(List<Path> files, boolean softFail) {
        this.files = files;
        this.softFail = softFail;
    }

    /** No revocation checking: no {@code <revocationList>} configured. */
    public static RevocationSource none() {
        return NONE;
    }

    /**
     * The CRLs of {@code files} (each named once, in order); {@link #none()} when there is none.
     *
     * @param softFail whether a certificate whose CA has no current CRL among them is accepted (see
     *        {@link RevocationList})
     */
    public static RevocationSource of(List<Path> files, boolean softFail) {
        List<Path> distinct = new ArrayList<>();
        for (Path file : files) {
            if (!distinct.contains(file)) {
                distinct.add(file);
            }
        }
        return distinct.isEmpty() && !softFail ? NONE : new RevocationSource(List.copyOf(distinct), softFail);
    }

    /**
     * Reads and checks the CRLs now against {@code trust}, see {@link RevocationList#load}; {@link RevocationList#NONE}
     * when no file is configured.
     *
     * @throws TlsConfigException for a missing or unreadable file, a file without a CRL, or a CRL of a trusted CA
     *         whose signature does not verify
     */
    public RevocationList load(TrustMaterial trust) throws TlsConfigException {
        return files.isEmpty() ? RevocationList.NONE : RevocationList.load(files, trust, softFail);
    }

    /** The CRL files, for change detection; empty when revocation is not checked. */
    public List<Path> files() {
        return files;
    }

    /** Whether a CA without a current CRL is accepted rather than refused. */
    public boolean softFail() {
        return softFail;
    }

    /** What the configuration gives up, for a status warning at start; may be empty. */
    public List<String> warnings() {
        if (!softFail) {
            return List.of();
        }
        if (files.isEmpty()) {
            return List.of("<revocationSoftFail> is set but no <revocationList> is configured: no certificate is"
                    + " checked for revocation");
        }
        return List.of("<revocationSoftFail> is true: a certificate whose CA has no current CRL in <revocationList>"
                + " (none configured, or one past its next update) is accepted without a revocation check; remove it"
                + " to refuse such chains");
    }

    @Override
    public String toString() {
        return files.isEmpty() ? "none" : files.stream().map(Path::toString).collect(Collectors.joining(", "))
                + (softFail ? " (soft fail)" : "");
    }
}
