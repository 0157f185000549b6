package dev.logshield.tls.config;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Builds the receiver's server-side {@link SSLContext} and puts each accepted connection into server mode with
 * mutual TLS required:
 * <ul>
 * <li>the context is {@code SSLContext.getInstance("TLS")} with one key manager offering the receiver's key and
 * chain, and the JDK's PKIX trust manager over the configured client CAs only (never {@code cacerts}); it checks
 * the client's chain, validity and extended key usage (clientAuth), and with revocation lists every certificate of
 * the chain against them;</li>
 * <li>each socket gets {@code needClientAuth} (a client without a certificate fails the handshake) and only the
 * configured subset of TLSv1.3/TLSv1.2 (a client offering TLS 1.1 or older fails it too).</li>
 * </ul>
 * <pre>
 * Socket tcp = serverSocket.accept();
 * SSLSocket tls = TlsServerContextFactory.wrap(context, tcp, settings.protocols());
 * tls.startHandshake();
 * </pre>
 */
public final class TlsServerContextFactory {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    private TlsServerContextFactory() {
    }

    /** A server context over material already loaded, without revocation checking. */
    public static SSLContext create(KeyMaterial key, TrustMaterial clientCas) {
        return context(key, clientCas.trustManager());
    }

    /**
     * A server context over material already loaded whose trust manager checks every certificate of a client's
     * chain against {@code revocations} (see {@link RevocationCheckingTrustManager}).
     *
     * @throws TlsConfigException when the JDK refuses the client CAs as trust anchors
     */
    public static SSLContext create(KeyMaterial key, TrustMaterial clientCas, RevocationList revocations)
            throws TlsConfigException {
        return context(key, RevocationCheckingTrustManager.create(clientCas, revocations));
    }

    private static SSLContext context(KeyMaterial key, TrustManager chainCheck) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {SingleKeyManager.forServer(key)}, new TrustManager[] {chainCheck}, null);
            return context;
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException("the JDK's TLS implementation is unavailable", e);
        }
    }

    /**
     * Layers a server-mode TLS socket over an accepted TCP connection (closing the TLS socket closes it), requiring
     * a client certificate and enabling only {@code protocols}; the handshake is left to the caller.
     *
     * @throws TlsConfigException when this JVM supports none of {@code protocols}
     */
    public static SSLSocket wrap(SSLContext context, java.net.Socket accepted, List<String> protocols)
            throws java.io.IOException, TlsConfigException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(accepted, null, true);
        tls.setUseClientMode(false);
        SSLParameters parameters = tls.getSSLParameters();
        List<String> enabled = new ArrayList<>(protocols);
        enabled.retainAll(Arrays.asList(tls.getSupportedProtocols()));
        if (enabled.isEmpty()) {
            throw new TlsConfigException("this JVM supports none of the configured protocols "
                    + String.join(", ", protocols));
        }
        parameters.setProtocols(enabled.toArray(String[]::new));
        parameters.setNeedClientAuth(true);
        tls.setSSLParameters(parameters);
        return tls;
    }

    /**
     * Problems with a server certificate that do not stop loading but will make clients refuse it: an extended key
     * usage without serverAuth. May be empty.
     */
    public static List<String> warnings(KeyMaterial key) {
        X509Certificate leaf = key.leaf();
        List<String> warnings = new ArrayList<>();
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            if (usages != null && !usages.contains(SERVER_AUTH) && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
                warnings.add("certificate " + CertificateText.subject(leaf) + " does not allow server authentication:"
                        + " its extended key usage lacks serverAuth, so clients will refuse it; issue it with"
                        + " extendedKeyUsage=serverAuth");
            }
        } catch (CertificateParsingException e) {
            warnings.add("certificate " + CertificateText.subject(leaf) + " has an unreadable extended key usage");
        }
        return List.copyOf(warnings);
    }
}
