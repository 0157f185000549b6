package dev.logshield.tls.config;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * The certificate revocation lists of the CAs the peer's chain goes through, from the {@code <revocationList>} files
 * (PEM {@code -----BEGIN X509 CRL-----} blocks, or one DER CRL, per file; the element is repeatable), for both the
 * appender (the server's chain) and the receiver (the clients' chains):
 * <pre>
 * &lt;trustedCertificates&gt;/etc/logshield/root-ca.pem&lt;/trustedCertificates&gt;
 * &lt;revocationList&gt;/etc/logshield/root-ca.crl&lt;/revocationList&gt;           &lt;!-- revokes intermediates --&gt;
 * &lt;revocationList&gt;/etc/logshield/issuing-ca.crl&lt;/revocationList&gt;        &lt;!-- revokes leaves --&gt;
 * &lt;revocationSoftFail&gt;false&lt;/revocationSoftFail&gt;                       &lt;!-- the default --&gt;
 * </pre>
 * Every certificate of the peer's path, the leaf and each intermediate CA, is checked against the CRL of its issuer
 * by the JDK's PKIX validation (see {@link RevocationCheckingTrustManager}); offline, CRLs only: no OCSP, no CRL
 * fetched from distribution points. The choices:
 * <ul>
 * <li>A CRL issued by a trusted certificate (one of {@code <trustedCertificates>}/{@code <trustStore>}) must verify
 * with its key, or the component stays stopped. A CRL from any other issuer is kept for the intermediate CA of that
 * name a peer's chain may include, warned about at start, and used only if it verifies with the key of that CA
 * certificate in a validated chain: a CRL nobody trusted signed never revokes anything. To have an intermediate's
 * CRL verified at start, add the intermediate's certificate to the trusted certificates: a trusted CA certificate
 * issued by another trusted certificate is not made an anchor, so its issuer's CRL still applies to it.</li>
 * <li>Fail closed: once CRLs are configured, a CA of the path whose status cannot be determined (no CRL of it, or
 * only one past its next update, or one that does not verify) makes the chain refused, with a message naming the
 * CA and the file. {@code <revocationSoftFail>true</revocationSoftFail>} accepts such chains instead (warned at
 * start); a certificate listed in a CRL is refused either way, even by a CRL past its next update.</li>
 * <li>A CRL past its next update is warned about at start; then, unless soft fail is on, every certificate its CA
 * issued is refused until a current CRL replaces it (RFC 5280, and what OpenSSL-based servers do).</li>
 * <li>Trusted CA certificates without a CRL are warned about at start (fail closed refuses what they issue).</li>
 * </ul>
 * A trust anchor itself is never checked for revocation (nothing above it could have revoked it); to revoke an
 * intermediate CA by its root's CRL, trust the root (with or without the intermediate). Immutable.
 */
public final class RevocationList {

    /** Revokes nothing and checks nothing: no {@code <revocationList>} configured. */
    public static final RevocationList NONE = new RevocationList(List.of(), List.of(), false, List.of());

    private final List<Listed> crls;
    private final List<Path> files;
    private final boolean softFail;
    private final List<String> loadWarnings;

    private RevocationList(List<Listed> crls, List<Path> files, boolean softFail, List<String> loadWarnings) {
        this.crls = crls;
        this.files = files;
        this.softFail = softFail;
        this.loadWarnings = loadWarnings;
    }

    /**
     * Reads the CRLs of {@code files} and checks those of trusted CAs against their keys.
     *
     * @param softFail whether a CA of the path without a current CRL is accepted rather than refused
     * @throws TlsConfigException when a file is missing, unreadable, holds no CRL or a malformed one, or holds a CRL
     *         in the name of a trusted certificate whose signature does not verify with its key
     */
    public static RevocationList load(List<Path> files, TrustMaterial trust, boolean softFail) throws TlsConfigException {
        List<Listed> crls = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path file : files) {
            for (X509CRL crl : read(file)) {
                boolean verified = verify(crl, trust, file);
                if (!verified) {
                    warnings.add("the revocation list of " + name(crl.getIssuerX500Principal()) + " in " + file
                            + " is not issued by a trusted certificate (" + trust.describe() + "), so it cannot be"
                            + " verified now: it is used only for chains through a CA certificate of that name whose"
                            + " key verifies it. Add that intermediate CA's certificate to the trusted certificates to"
                            + " have the list verified at start (a trusted CA issued by another trusted one stays"
                            + " subject to its issuer's list), or remove the list if no chain goes through that CA");
                }
                if (crl.getNextUpdate() == null) {
                    warnings.add("the revocation list of " + name(crl.getIssuerX500Principal()) + " in " + file
                            + " has no next-update date, so the JDK never considers it current: it revokes what it"
                            + " lists, but certificates of its CA are refused" + (softFail ? " unless soft fail" : "")
                            + "; have the CA issue CRLs with a nextUpdate");
                }
                crls.add(new Listed(crl, file, verified));
            }
        }
        if (!softFail) {
            for (X509Certificate ca : trust.anchors()) {
                if (ca.getBasicConstraints() >= 0 && crls.stream().noneMatch(
                        l -> l.crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal()))) {
                    warnings.add("no revocation list of the trusted CA " + CertificateText.subject(ca) + " in "
                            + files.stream().map(Path::toString).collect(Collectors.joining(", ")) + ": every"
                            + " certificate it issues is refused (fail closed); add that CA's CRL with"
                            + " <revocationList>, or set <revocationSoftFail>true</revocationSoftFail>");
                }
            }
        }
        return new RevocationList(List.copyOf(crls), List.copyOf(files), softFail, List.copyOf(warnings));
    }

    private static List<X509CRL> read(Path file) throws TlsConfigException {
        byte[] bytes = PemFiles.readBytes(file, "revocation list");
        Collection<? extends CRL> read;
        try {
            read = CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(bytes));
        } catch (CRLException | java.security.cert.CertificateException | RuntimeException e) {
            throw new TlsConfigException("malformed revocation list " + file + " (" + PemFiles.describe(e)
                    + "); expected PEM blocks -----BEGIN X509 CRL----- or one DER CRL, as openssl ca -gencrl writes", e);
        }
        if (read.isEmpty()) {
            throw new TlsConfigException("no certificate revocation list in " + file
                    + ": expected PEM blocks -----BEGIN X509 CRL-----");
        }
        List<X509CRL> crls = new ArrayList<>();
        for (CRL crl : read) {
            crls.add((X509CRL) crl);
        }
        return crls;
    }

    /** Whether {@code crl} is issued by a trusted certificate (and verifies); false when no trusted one has its name. */
    private static boolean verify(X509CRL crl, TrustMaterial trust, Path file) throws TlsConfigException {
        X500Principal issuer = crl.getIssuerX500Principal();
        GeneralSecurityException failure = null;
        for (X509Certificate candidate : trust.anchors()) {
            if (candidate.getSubjectX500Principal().equals(issuer)) {
                try {
                    crl.verify(candidate.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw new TlsConfigException("the revocation list of " + name(issuer) + " in " + file + " is not signed by"
                    + " the trusted certificate of that name (" + PemFiles.describe(failure) + "); use the CRL that"
                    + " CA issued", failure);
        }
        return false;
    }

    /** Whether revocation is checked at all ({@code false} only for {@link #NONE}). */
    public boolean checksRevocation() {
        return !files.isEmpty();
    }

    /** Whether a CA of the path without a current CRL is accepted rather than refused. */
    public boolean softFail() {
        return softFail;
    }

    /** Every CRL read, for the PKIX validation's certificate store. */
    public List<X509CRL> crls() {
        return crls.stream().map(Listed::crl).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Why a certificate of {@code chain} (leaf first, as the peer sent it) is revoked, for status messages:
     * {@code CN=leaf is revoked (serial 1f2e revoked on ... by CN=CA (KEY_COMPROMISE))}, or {@code CN=leaf chains to
     * the CA certificate CN=Issuing CA, which is revoked (...)}; {@code null} when no CRL lists any of them. A CRL
     * counts when it is issued by a trusted certificate or verifies with the key of its issuer in {@code chain}; its
     * next-update date does not matter here (an old CRL still revokes what it lists). For chains already validated,
     * e.g. a resumed TLS session, which skips validation.
     */
    public String revocation(List<X509Certificate> chain) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            for (Listed listed : crls) {
                X509CRL crl = listed.crl;
                if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
                if (entry != null && (listed.verified || signedByIssuerIn(crl, chain))) {
                    String why = revoked(certificate, entry.getRevocationDate(), entry.getRevocationReason(),
                            crl.getIssuerX500Principal());
                    return i == 0 ? CertificateText.subject(certificate) + " is revoked (" + why + ")"
                            : CertificateText.subject(chain.get(0)) + " chains to the CA certificate "
                            + CertificateText.subject(certificate) + ", which is revoked (" + why + ")";
                }
            }
        }
        return null;
    }

    /**
     * Why the revocation status of {@code certificate} cannot be determined from these CRLs: none of its issuer, or
     * only ones past their next update, or none that verifies with the issuer's key. For the message of a refused
     * chain.
     */
    public String undetermined(X509Certificate certificate) {
        X500Principal issuer = certificate.getIssuerX500Principal();
        List<Listed> ofIssuer = crls.stream().filter(l -> l.crl.getIssuerX500Principal().equals(issuer))
                .collect(Collectors.toList());
        String what = "the revocation status of " + CertificateText.subject(certificate) + " is unknown: ";
        if (ofIssuer.isEmpty()) {
            return what + "no revocation list of its CA " + name(issuer) + " is configured (" + describeFiles()
                    + "); add that CA's CRL with <revocationList>, or set <revocationSoftFail>true</revocationSoftFail>"
                    + " to accept certificates of CAs without one";
        }
        Date now = new Date();
        List<Listed> undated = new ArrayList<>();
        Listed latest = null;
        for (Listed listed : ofIssuer) {
            Date next = listed.crl.getNextUpdate();
            if (next == null) {
                undated.add(listed);
            } else if (!next.before(now)) {
                if (!listed.crl.getThisUpdate().after(now)) {
                    return what + "the revocation list of " + name(issuer) + " in " + listed.file + " does not verify"
                            + " with the key of the CA certificate of that name in the chain, or that certificate does"
                            + " not allow CRL signing (keyUsage cRLSign); use the CRL that CA issued";
                }
                return what + "the revocation list of " + name(issuer) + " in " + listed.file + " is dated in the"
                        + " future (" + CertificateText.utc(listed.crl.getThisUpdate()) + "): check this host's clock";
            } else if (latest == null || next.after(latest.crl.getNextUpdate())) {
                latest = listed;
            }
        }
        if (latest != null) {
            return what + "the revocation list of " + name(issuer) + " in " + latest.file + " expired on "
                    + CertificateText.utc(latest.crl.getNextUpdate()) + " (its next update): put the CA's current CRL"
                    + " in that file; until then every certificate that CA issued is refused";
        }
        return what + "the revocation list of " + name(issuer) + " in " + undated.get(0).file + " has no next-update"
                + " date, so it is never current; have the CA issue CRLs with a nextUpdate";
    }

    /** {@code serial 1f2e revoked on <date> by <issuer> (<reason>)}. */
    static String revoked(X509Certificate certificate, Date date, CRLReason reason, X500Principal by) {
        return "serial " + certificate.getSerialNumber().toString(16) + " revoked on " + CertificateText.utc(date)
                + " by " + name(by) + (reason != null && reason != CRLReason.UNSPECIFIED ? " (" + reason + ")" : "");
    }

    /**
     * Problems worth a status warning: CRLs from issuers that are not trusted certificates, trusted CAs without a
     * CRL, CRLs past their next update (as of now); may be empty.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(loadWarnings);
        Date now = new Date();
        for (Listed listed : crls) {
            Date next = listed.crl.getNextUpdate();
            if (next != null && next.before(now)) {
                warnings.add("the revocation list of " + name(listed.crl.getIssuerX500Principal()) + " in "
                        + listed.file + " was due for renewal on " + CertificateText.utc(next) + (softFail
                        ? "; it still revokes what it lists, but certificates revoked since are not in it"
                        : "; until the CA's current CRL replaces it, every certificate that CA issued is refused")
                        + ": fetch the CA's current CRL");
            }
        }
        return List.copyOf(warnings);
    }

    /** {@code N revoked by <issuer>, ... (<files>)}, or {@code none}, for status messages. */
    public String describe() {
        if (files.isEmpty()) {
            return "none";
        }
        return crls.stream().map(l -> (l.crl.getRevokedCertificates() == null ? 0 : l.crl.getRevokedCertificates().size())
                + " revoked by " + name(l.crl.getIssuerX500Principal()))
                .collect(Collectors.joining(", ")) + " (" + describeFiles() + (softFail ? "; soft fail" : "") + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    private String describeFiles() {
        return files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private static boolean signedByIssuerIn(X509CRL crl, List<X509Certificate> chain) {
        for (X509Certificate certificate : chain) {
            if (certificate.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(certificate.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // another certificate of that name, or a CRL its key did not sign
                }
            }
        }
        return false;
    }

    private static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    /** A CRL, the file it came from, and whether a trusted certificate's key verified it at load. */
    private record Listed(X509CRL crl, Path file, boolean verified) {
    }
}
