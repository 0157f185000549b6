package dev.logshield.tls.config;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the client's {@link SSLContext} and configures each socket made from it.
 * <ul>
 * <li>The context is {@code SSLContext.getInstance("TLS")} (not logback's TLSv1.2-only "SSL" default) with one key
 * manager offering the client's key and chain, and a {@link PinningTrustManager} over the configured anchors (with
 * every certificate of the server's chain checked against the revocation lists, when configured), in this order:
 * the chain and, on the socket, the host name (a refusal for the host name alone thrown as
 * {@link HostnameMismatchException} by {@link HostnameVerifyingTrustManager}), then the pins.</li>
 * <li>Each socket gets the enabled protocols (the configured subset of TLSv1.3/TLSv1.2, never anything older),
 * the configured cipher suites if any, endpoint identification "HTTPS" (the JDK's hostname verification against
 * the certificate's SANs, IP addresses included) unless hostname verification is off, and SNI for host names (not
 * for IP addresses).</li>
 * </ul>
 * Typical use at every connect:
 * <pre>
 * SSLContext context = reloading.current();
 * Socket tcp = new Socket(); tcp.connect(new InetSocketAddress(host, port), timeoutMillis);
 * SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
 * TlsContextFactory.configure(tls, settings, host);
 * tls.startHandshake();
 * </pre>
 */
public final class TlsContextFactory {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private TlsContextFactory() {
    }

    /**
     * Loads the key and trust material the settings name and builds a context from them.
     *
     * @throws TlsConfigException for any problem with the material, see {@link KeyMaterial} and {@link TrustMaterial},
     *         or a configured cipher suite this JVM does not know
     */
    public static SSLContext create(TlsClientSettings settings) throws TlsConfigException {
        TrustMaterial trust = settings.trustSource().load();
        return create(settings.keySource().load(), trust, settings.revocationSource().load(trust), settings);
    }

    /**
     * A context over material already loaded, without revocation checking; the settings give the pins and the
     * cipher suites to check.
     *
     * @throws TlsConfigException when a configured cipher suite is not supported by this JVM, or none of them
     *         suits the configured protocols
     */
    public static SSLContext create(KeyMaterial key, TrustMaterial trust, TlsClientSettings settings) throws TlsConfigException {
        return create(key, trust, RevocationList.NONE, settings);
    }

    /**
     * A context over material already loaded whose trust manager checks every certificate of the server's chain
     * against {@code revocations} (see {@link RevocationCheckingTrustManager}); the settings give the pins and the
     * cipher suites to check.
     *
     * @throws TlsConfigException when a configured cipher suite is not supported by this JVM, or none of them
     *         suits the configured protocols
     */
    public static SSLContext create(KeyMaterial key, TrustMaterial trust, RevocationList revocations,
            TlsClientSettings settings) throws TlsConfigException {
        X509ExtendedTrustManager chainCheck = RevocationCheckingTrustManager.create(trust, revocations);
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SingleKeyManager(key)},
                    new TrustManager[] {new PinningTrustManager(new HostnameVerifyingTrustManager(chainCheck),
                            settings.pins())}, null);
        } catch (NoSuchAlgorithmException | KeyManagementException e) {
            throw new IllegalStateException("the JDK's TLS implementation is unavailable", e);
        }
        checkCipherSuites(Set.of(context.getSupportedSSLParameters().getCipherSuites()), settings);
        return context;
    }

    /**
     * The parameters for a connection to {@code host} (a name or an IP address, as connected to).
     *
     * @throws TlsConfigException when the JVM supports none of the configured protocols, a configured cipher suite
     *         is unknown, or {@code host} is not a valid TLS server name
     */
    public static SSLParameters parameters(SSLContext context, TlsClientSettings settings, String host)
            throws TlsConfigException {
        SSLParameters supported = context.getSupportedSSLParameters();
        return apply(context.getDefaultSSLParameters(), supported.getProtocols(), supported.getCipherSuites(), settings, host);
    }

    /**
     * Applies {@link #parameters} to a socket made by a context from {@link #create}, before its handshake.
     *
     * @return {@code socket}
     * @throws TlsConfigException as {@link #parameters} does
     */
    public static SSLSocket configure(SSLSocket socket, TlsClientSettings settings, String host) throws TlsConfigException {
        socket.setSSLParameters(apply(socket.getSSLParameters(), socket.getSupportedProtocols(),
                socket.getSupportedCipherSuites(), settings, host));
        return socket;
    }

    private static SSLParameters apply(SSLParameters parameters, String[] supportedProtocols, String[] supportedSuites,
            TlsClientSettings settings, String host) throws TlsConfigException {
        List<String> protocols = new ArrayList<>(settings.protocols());
        protocols.retainAll(Arrays.asList(supportedProtocols));
        if (protocols.isEmpty()) {
            throw new TlsConfigException("this JVM supports none of the configured protocols "
                    + String.join(", ", settings.protocols()) + " (it supports " + String.join(", ", supportedProtocols) + ")");
        }
        parameters.setProtocols(protocols.toArray(String[]::new));
        if (!settings.cipherSuites().isEmpty()) {
            checkCipherSuites(Set.of(supportedSuites), settings);
            parameters.setCipherSuites(settings.cipherSuites().toArray(String[]::new));
        }
        parameters.setEndpointIdentificationAlgorithm(settings.hostnameVerification() ? "HTTPS" : null);
        parameters.setServerNames(serverNames(host));
        return parameters;
    }

    /** Whether {@code host} is an IPv4 or IPv6 literal (no name lookup). */
    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    private static List<SNIServerName> serverNames(String host) throws TlsConfigException {
        if (host == null || host.isBlank()) {
            throw new TlsConfigException("no destination host given for the TLS connection");
        }
        String name = host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (isIpLiteral(name)) {
            return List.of();
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            return List.of(new SNIHostName(name));
        } catch (IllegalArgumentException e) {
            throw new TlsConfigException("destination host '" + host + "' is not a valid TLS server name ("
                    + PemFiles.describe(e) + ")", e);
        }
    }

    private static void checkCipherSuites(Set<String> supported, TlsClientSettings settings) throws TlsConfigException {
        if (settings.cipherSuites().isEmpty()) {
            return;
        }
        for (String suite : settings.cipherSuites()) {
            if (!supported.contains(suite)) {
                throw new TlsConfigException("cipher suite '" + suite + "' is not supported by this JVM; use IANA names"
                        + " such as TLS_AES_256_GCM_SHA384 or TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, or leave the"
                        + " cipher suites unset to use the JDK's defaults");
            }
        }
        boolean tls13 = settings.protocols().contains(TlsClientSettings.TLS_1_3);
        boolean tls12 = settings.protocols().contains(TlsClientSettings.TLS_1_2);
        boolean any = settings.cipherSuites().stream().anyMatch(s -> isTls13Suite(s) ? tls13 : tls12);
        if (!any) {
            throw new TlsConfigException("none of the configured cipher suites (" + String.join(", ", settings.cipherSuites())
                    + ") can be used with the configured protocols (" + String.join(", ", settings.protocols())
                    + "); TLSv1.3 uses TLS_AES_*/TLS_CHACHA20_* suites, TLSv1.2 the TLS_ECDHE_* ones");
        }
    }

    private static boolean isTls13Suite(String suite) {
        return suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
    }
}
