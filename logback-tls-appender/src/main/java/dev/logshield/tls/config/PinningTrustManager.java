package dev.logshield.tls.config;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks a peer's certificate chain with a PKIX trust manager first (chain, dates, key usage and, through the
 * Socket/SSLEngine methods, the JDK's endpoint identification, i.e. hostname verification), then, when pins are
 * configured, requires the verified leaf's SPKI pin to be one of them. Pins narrow trust; they never replace chain
 * validation: a pinned key under an untrusted or broken chain is still refused. A pin mismatch is thrown as a
 * {@link PinMismatchException}. Thread-safe.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final SpkiPins pins;

    /**
     * @param delegate the PKIX trust manager, e.g. {@link TrustMaterial#trustManager()}, or the one
     *        {@link RevocationCheckingTrustManager#create} makes when revocation lists are configured; the client's
     *        is wrapped in a {@link HostnameVerifyingTrustManager}
     * @param pins the pins the leaf must match; {@link SpkiPins#none()} to check the chain only
     */
    public PinningTrustManager(X509ExtendedTrustManager delegate, SpkiPins pins) {
        this.delegate = delegate;
        this.pins = pins;
    }

    /** The pins the verified leaf must match; empty when pinning is off. */
    public SpkiPins pins() {
        return pins;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
        checkPin(chain, "server");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
        checkPin(chain, "server");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        checkPin(chain, "server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
        checkPin(chain, "client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
        checkPin(chain, "client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
        checkPin(chain, "client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private void checkPin(X509Certificate[] chain, String peer) throws CertificateException {
        if (pins.isEmpty()) {
            return;
        }
        // chain[0] is the leaf the delegate has just validated a path from
        X509Certificate leaf = chain[0];
        SpkiPin actual = SpkiPin.of(leaf);
        if (!pins.contains(actual)) {
            throw new PinMismatchException(peer + " certificate " + CertificateText.subject(leaf) + " has SPKI pin "
                    + actual + ", which is not among the configured pins (" + pins + "); if the " + peer
                    + "'s key was replaced on purpose, add its pin");
        }
    }
}
