package dev.logshield.tls.config;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A PKIX trust manager whose refusals by endpoint identification (the JDK's hostname verification, switched on per
 * socket by {@link TlsContextFactory#configure}) are thrown as {@link HostnameMismatchException}, so that a host-name
 * mismatch is told from an untrusted, expired or revoked chain by its type, not by the JDK's wording.
 * <p>
 * The delegate's own check, chain and host name together, decides alone, exactly as without this class. Only when it
 * refuses a server under endpoint identification is the chain checked once more without it: a chain that passes then
 * was refused for the host name, and the refusal is rethrown as a {@link HostnameMismatchException} (the JDK's
 * exception as its cause, its message kept); any other refusal is rethrown as it is. Client checks pass through.
 * Thread-safe.
 */
public final class HostnameVerifyingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;

    /** @param delegate the PKIX trust manager, with or without revocation checking */
    public HostnameVerifyingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException refusal) {
            throw told(refusal, chain, authType,
                    socket instanceof SSLSocket && identifies(((SSLSocket) socket).getSSLParameters()));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException refusal) {
            throw told(refusal, chain, authType, engine != null && identifies(engine.getSSLParameters()));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** {@code refusal}, or a {@link HostnameMismatchException} when the chain alone is trusted. */
    private CertificateException told(CertificateException refusal, X509Certificate[] chain, String authType,
            boolean identified) {
        if (!identified) {
            return refusal;
        }
        try {
            // the same PKIX check without endpoint identification: it only diagnoses, the refusal stands either way
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException chainRefused) {
            return refusal;
        }
        return new HostnameMismatchException(refusal);
    }

    private static boolean identifies(SSLParameters parameters) {
        String algorithm = parameters.getEndpointIdentificationAlgorithm();
        return algorithm != null && !algorithm.isEmpty();
    }
}
