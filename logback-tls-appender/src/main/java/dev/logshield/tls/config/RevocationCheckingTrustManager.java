package dev.logshield.tls.config;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager with every certificate of the peer's path, the leaf and each intermediate CA, checked
 * against a {@link RevocationList}, and its refusals turned into messages that say which certificate is revoked, by
 * whom, or which CA's CRL is missing or out of date:
 * <ul>
 * <li>the anchors are the trusted certificates, except that a trusted CA certificate issued by another trusted
 * certificate is an intermediate (offered to path building), so that its issuer's CRL can revoke it;</li>
 * <li>{@code setRevocationEnabled(true)} with a {@code CertStore} holding every configured CRL, and a
 * {@link PKIXRevocationChecker} for offline use: {@code PREFER_CRLS} + {@code NO_FALLBACK} (CRLs only, never OCSP
 * or a download), plus {@code SOFT_FAIL} only with {@code <revocationSoftFail>true</revocationSoftFail>}; the JDK
 * verifies each CRL with the key of the issuer it found in the path and ignores CRLs past their next update;</li>
 * <li>after a chain passes, the CRLs are looked up once more for a listed certificate (an expired CRL still revokes
 * what it lists under soft fail).</li>
 * </ul>
 * Its Socket/SSLEngine methods keep the JDK's endpoint identification (hostname verification); the client wraps it
 * in a {@link HostnameVerifyingTrustManager} (a host-name refusal told by its type) and a {@link PinningTrustManager}
 * for pins. Revoked and unknown-status refusals are told by the reason of their {@link CertPathValidatorException}
 * cause ({@link HandshakeFailureReason}). A revoked chain fails the handshake with the {@code certificate_revoked}
 * alert. Thread-safe.
 */
public final class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final RevocationList revocations;

    private RevocationCheckingTrustManager(X509ExtendedTrustManager delegate, RevocationList revocations) {
        this.delegate = delegate;
        this.revocations = revocations;
    }

    /**
     * The trust manager for {@code trust} that checks {@code revocations}; {@link TrustMaterial#trustManager()} (no
     * revocation checking) when {@code revocations} is {@link RevocationList#NONE}.
     *
     * @throws TlsConfigException when the JDK refuses the anchors
     */
    public static X509ExtendedTrustManager create(TrustMaterial trust, RevocationList revocations)
            throws TlsConfigException {
        if (!revocations.checksRevocation()) {
            return trust.trustManager();
        }
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        List<Object> store = new ArrayList<>(revocations.crls());
        for (X509Certificate certificate : trust.anchors()) {
            if (issuedByAnother(certificate, trust.anchors())) {
                store.add(certificate);
            } else {
                anchors.add(new TrustAnchor(certificate, null));
            }
        }
        try {
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, new X509CertSelector());
            parameters.setRevocationEnabled(true);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            PKIXRevocationChecker checker = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX")
                    .getRevocationChecker();
            EnumSet<PKIXRevocationChecker.Option> options = EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK);
            if (revocations.softFail()) {
                options.add(PKIXRevocationChecker.Option.SOFT_FAIL);
            }
            checker.setOptions(options);
            parameters.addCertPathChecker(checker);
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(new CertPathTrustManagerParameters(parameters));
            return new RevocationCheckingTrustManager(TrustMaterial.extended(factory.getTrustManagers()), revocations);
        } catch (InvalidAlgorithmParameterException e) {
            throw new TlsConfigException("cannot use " + trust.describe() + " with the revocation lists "
                    + revocations.describe() + ": " + PemFiles.describe(e), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX trust manager is unavailable", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checked(() -> delegate.checkServerTrusted(chain, authType, socket), chain, "server");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checked(() -> delegate.checkServerTrusted(chain, authType, engine), chain, "server");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checked(() -> delegate.checkServerTrusted(chain, authType), chain, "server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checked(() -> delegate.checkClientTrusted(chain, authType, socket), chain, "client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checked(() -> delegate.checkClientTrusted(chain, authType, engine), chain, "client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checked(() -> delegate.checkClientTrusted(chain, authType), chain, "client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** The JDK's verdict on {@code chain}, its refusal explained, then the lists' own check. */
    private void checked(JdkCheck jdkCheck, X509Certificate[] chain, String peer) throws CertificateException {
        try {
            jdkCheck.run();
        } catch (CertificateException e) {
            throw explained(e, chain, peer);
        }
        checkListed(chain, peer);
    }

    /** One of the delegate's checks. */
    @FunctionalInterface
    private interface JdkCheck {
        void run() throws CertificateException;
    }

    /** A listed certificate in a chain the JDK accepted: only under soft fail, with a CRL past its next update. */
    private void checkListed(X509Certificate[] chain, String peer) throws CertificateException {
        String revoked = revocations.revocation(Arrays.asList(chain));
        if (revoked != null) {
            throw new CertificateException("the " + peer + " certificate " + revoked, new CertPathValidatorException(
                    revoked, null, null, -1, BasicReason.REVOKED));
        }
    }

    /**
     * The JDK's refusal with a message that names the revoked certificate or the CA whose status is unknown; its
     * cause stays the JDK's {@link CertPathValidatorException}, from which the TLS layer picks the alert
     * ({@code certificate_revoked} for a revoked one). Other refusals are returned as they are.
     */
    private CertificateException explained(CertificateException refusal, X509Certificate[] chain, String peer) {
        CertPathValidatorException validation = validationFailure(refusal);
        if (validation != null && validation.getReason() == BasicReason.REVOKED) {
            X509Certificate revoked = failing(validation, chain);
            String message = "the " + peer + " certificate " + CertificateText.subject(chain[0]);
            if (validation.getCause() instanceof CertificateRevokedException && revoked != null) {
                CertificateRevokedException why = (CertificateRevokedException) validation.getCause();
                String what = RevocationList.revoked(revoked, why.getRevocationDate(), why.getRevocationReason(),
                        why.getAuthorityName());
                message += revoked == chain[0] ? " is revoked (" + what + ")" : " chains to the CA certificate "
                        + CertificateText.subject(revoked) + ", which is revoked (" + what + ")";
            } else {
                String listed = revocations.revocation(Arrays.asList(chain));
                message = listed != null ? "the " + peer + " certificate " + listed
                        : message + " or a CA certificate of its chain is revoked (" + validation.getMessage() + ")";
            }
            return new CertificateException(message, validation);
        }
        if (validation != null && validation.getReason() == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            X509Certificate unknown = failing(validation, chain);
            String message = unknown != null ? revocations.undetermined(unknown)
                    : "the revocation status of a certificate of the chain is unknown (" + validation.getMessage()
                    + "); check that <revocationList> holds a current CRL of every CA of the chain";
            return new CertificateException("the " + peer + " certificate " + CertificateText.subject(chain[0])
                    + " is refused: " + message, validation);
        }
        // path building hides why each path failed: name a listed certificate when there is one
        String listed = revocations.revocation(Arrays.asList(chain));
        if (listed != null) {
            return new CertificateException("the " + peer + " certificate " + listed, new CertPathValidatorException(
                    listed, refusal, null, -1, BasicReason.REVOKED));
        }
        return refusal;
    }

    private static CertPathValidatorException validationFailure(Throwable refusal) {
        for (Throwable t = refusal; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertPathValidatorException) {
                return (CertPathValidatorException) t;
            }
        }
        return null;
    }

    /** The certificate of the validated path the failure is about, or {@code null} when it does not say. */
    private static X509Certificate failing(CertPathValidatorException failure, X509Certificate[] chain) {
        if (failure.getCertPath() != null && failure.getIndex() >= 0) {
            List<? extends Certificate> path = failure.getCertPath().getCertificates();
            if (failure.getIndex() < path.size() && path.get(failure.getIndex()) instanceof X509Certificate) {
                return (X509Certificate) path.get(failure.getIndex());
            }
        }
        return chain.length == 1 ? chain[0] : null;
    }

    private static boolean issuedByAnother(X509Certificate certificate, List<X509Certificate> trusted) {
        if (certificate.getBasicConstraints() < 0
                || certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        for (X509Certificate issuer : trusted) {
            if (issuer != certificate && issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(issuer.getPublicKey());
                    return true;
                } catch (GeneralSecurityException e) {
                    // another CA of that name
                }
            }
        }
        return false;
    }
}
