package dev.logshield.tls.config;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CRLException;
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
 * The client certificates their CA has revoked, from a file of certificate revocation lists (PEM
 * {@code -----BEGIN X509 CRL-----} blocks, or one DER CRL), for the log receiver:
 * <pre>
 * &lt;trustedCertificates&gt;/etc/logshield/clients-ca.pem&lt;/trustedCertificates&gt;
 * &lt;revocationList&gt;/etc/logshield/clients-ca.crl&lt;/revocationList&gt;   &lt;!-- re-read when it changes --&gt;
 * </pre>
 * <ul>
 * <li>Each CRL must be signed by one of the trusted certificates: a list from anyone else is refused, as is a file
 * without a CRL.</li>
 * <li>A certificate is revoked when the CRL of its issuer lists its serial number. A certificate whose issuer has
 * no CRL in the file is not revoked by it.</li>
 * <li>A CRL past its next update still revokes what it lists (refusing every client would be an outage the list
 * cannot justify); it is reported so that it gets renewed.</li>
 * </ul>
 * Checked after the handshake, for resumed TLS sessions too, which skip certificate validation. Immutable.
 */
public final class RevocationList {

    /** Revokes nothing: no {@code <revocationList>} configured. */
    public static final RevocationList NONE = new RevocationList(List.of(), null);

    private final List<X509CRL> crls;
    private final Path file;

    private RevocationList(List<X509CRL> crls, Path file) {
        this.crls = crls;
        this.file = file;
    }

    /**
     * Reads the CRLs of {@code file} and checks each is signed by one of {@code trust}'s anchors.
     *
     * @throws TlsConfigException when the file is missing, unreadable, holds no CRL or a malformed one, or a CRL
     *         whose issuer is not a trusted certificate or whose signature does not verify
     */
    public static RevocationList load(Path file, TrustMaterial trust) throws TlsConfigException {
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
            X509CRL x509 = (X509CRL) crl;
            verify(x509, trust, file);
            crls.add(x509);
        }
        return new RevocationList(List.copyOf(crls), file);
    }

    private static void verify(X509CRL crl, TrustMaterial trust, Path file) throws TlsConfigException {
        X500Principal issuer = crl.getIssuerX500Principal();
        String issuerName = issuer.getName(X500Principal.RFC2253);
        for (X509Certificate anchor : trust.anchors()) {
            if (anchor.getSubjectX500Principal().equals(issuer)) {
                try {
                    crl.verify(anchor.getPublicKey());
                    return;
                } catch (GeneralSecurityException e) {
                    throw new TlsConfigException("the revocation list of " + issuerName + " in " + file + " is not"
                            + " signed by the trusted certificate of that name (" + PemFiles.describe(e) + "); use the"
                            + " CRL the CA of <trustedCertificates> issued", e);
                }
            }
        }
        throw new TlsConfigException("the revocation list in " + file + " is issued by " + issuerName
                + ", which is not one of the trusted certificates (" + trust.describe() + "); a CRL must come from"
                + " the CA that issues the clients' certificates");
    }

    /**
     * Why {@code certificate} is revoked, for status messages ({@code serial 1f2e revoked on ... by CN=CA
     * (keyCompromise)}), or {@code null} when no CRL of its issuer lists it.
     */
    public String revocation(X509Certificate certificate) {
        for (X509CRL crl : crls) {
            if (crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
                if (entry != null) {
                    return "serial " + certificate.getSerialNumber().toString(16) + " revoked on "
                            + CertificateText.utc(entry.getRevocationDate()) + " by "
                            + crl.getIssuerX500Principal().getName(X500Principal.RFC2253)
                            + (entry.getRevocationReason() != null ? " (" + entry.getRevocationReason() + ")" : "");
                }
            }
        }
        return null;
    }

    /** CRLs past their next update, to renew; may be empty. */
    public List<String> warnings() {
        Date now = new Date();
        List<String> warnings = new ArrayList<>();
        for (X509CRL crl : crls) {
            if (crl.getNextUpdate() != null && crl.getNextUpdate().before(now)) {
                warnings.add("the revocation list of " + crl.getIssuerX500Principal().getName(X500Principal.RFC2253)
                        + " in " + file + " was due for renewal on " + CertificateText.utc(crl.getNextUpdate())
                        + "; it still revokes what it lists, but certificates revoked since are not in it: fetch the"
                        + " CA's current CRL");
            }
        }
        return List.copyOf(warnings);
    }

    /** {@code N revoked by <issuer>, ... from <file>}, or {@code none}, for status messages. */
    public String describe() {
        if (file == null) {
            return "none";
        }
        return crls.stream().map(c -> (c.getRevokedCertificates() == null ? 0 : c.getRevokedCertificates().size())
                + " revoked by " + c.getIssuerX500Principal().getName(X500Principal.RFC2253))
                .collect(Collectors.joining(", ")) + " (" + file + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
