package dev.logshield.tls.receiver;

import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Random;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * What the receiver tests throw at it: TCP and TLS connections from a loopback address of the attacker's own
 * (Linux routes all of 127/8 to {@code lo}, so each attacker can have one and the receiver's per-address limits
 * apply to it alone), a JDK TLS client presenting whatever certificate it is given, and handshake bytes written by
 * hand.
 */
final class HostileClients {

    private HostileClients() {
    }

    /** The loopback address {@code 127.b.c.d}. */
    static InetAddress loopback(int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A TCP connection from {@code from} to 127.0.0.1:{@code port}. */
    static Socket tcp(InetAddress from, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * A plain JDK TLS 1.3 client from {@code from} (or the system's choice when {@code null}) that trusts the test
     * CA and presents {@code identity}'s key and chain as they are (even when the receiver's CA list does not name
     * their issuer, which the JDK's own key manager would take as a reason to send nothing), or no certificate when
     * {@code identity} is {@code null}. The handshake starts with the first read or write, or
     * {@link SSLSocket#startHandshake()}.
     */
    static SSLSocket jdkTls(TestPki pki, TestIdentity identity, InetAddress from, int port)
            throws IOException, GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", pki.ca());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(identity == null ? null : new KeyManager[] {new PresentAsIs(identity)}, trust.getTrustManagers(), null);
        Socket tcp = new Socket();
        try {
            if (from != null) {
                tcp.bind(new InetSocketAddress(from, 0));
            }
            tcp.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            return (SSLSocket) tls.getSocketFactory().createSocket(tcp, "localhost", port, true);
        } catch (IOException e) {
            tcp.close();
            throw e;
        }
    }

    /** A TLS 1.1 ClientHello: record version 3.1, client_version 3.2, one RSA suite, no extensions. */
    static byte[] tls11ClientHello() {
        ByteBuffer body = ByteBuffer.allocate(2 + 32 + 1 + 2 + 2 + 2);
        body.put((byte) 3).put((byte) 2);       // client_version TLS 1.1
        body.put(new byte[32]);                 // random (zeros will do)
        body.put((byte) 0);                     // no session id
        body.putShort((short) 2).putShort((short) 0x002f);   // TLS_RSA_WITH_AES_128_CBC_SHA
        body.put((byte) 1).put((byte) 0);       // one compression method: null
        return handshakeRecord(body.array(), body.capacity());
    }

    /**
     * A TLS 1.2 ClientHello cut short: its headers announce 512 bytes, and only the version and most of the random
     * follow. A receiver waits for the rest.
     */
    static byte[] halfClientHello() {
        ByteBuffer body = ByteBuffer.allocate(2 + 27);
        body.put((byte) 3).put((byte) 3);
        body.put(new byte[27]);
        return handshakeRecord(body.array(), 512 - 4);
    }

    /** A plaintext HTTP request, as a browser or a scanner sends to any open port. */
    static byte[] httpRequest() {
        return "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: scanner\r\nAccept: */*\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code n} bytes of a reproducible random stream. */
    static byte[] randomBytes(long seed, int n) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Writes {@code bytes} one at a time, {@code millis} apart, until done or the connection fails.
     *
     * @return when each byte written was written ({@link System#nanoTime()})
     */
    static long[] trickle(Socket socket, byte[] bytes, long millis) {
        long[] written = new long[bytes.length];
        int n = 0;
        try {
            OutputStream out = socket.getOutputStream();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                written[n++] = System.nanoTime();
                Thread.sleep(millis);
            }
        } catch (IOException | InterruptedException closed) {
            // the receiver hung up
        }
        return Arrays.copyOf(written, n);
    }

    /** How many of the {@code writes} ({@link #trickle} times) came before {@code hangup}, seen from {@code since}. */
    static long writtenBefore(long[] writes, long since, Hangup hangup) {
        long at = since + hangup.millis() * 1_000_000L;
        return Arrays.stream(writes).filter(t -> t - at < 0).count();
    }

    /** A handshake record holding a client_hello message that announces {@code announcedLength} body bytes. */
    private static byte[] handshakeRecord(byte[] body, int announcedLength) {
        int recordLength = 4 + announcedLength;
        ByteBuffer record = ByteBuffer.allocate(5 + 4 + body.length);
        record.put((byte) 0x16).put((byte) 3).put((byte) 1).putShort((short) recordLength);
        record.put((byte) 1).put((byte) 0).putShort((short) announcedLength);   // client_hello, 24-bit length
        record.put(body);
        return record.array();
    }

    /** Offers one identity's chain for every request, whatever CAs the server names. */
    private static final class PresentAsIs extends X509ExtendedKeyManager {
        private final TestIdentity identity;

        PresentAsIs(TestIdentity identity) {
            this.identity = identity;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return identity.certificateChain().toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return identity.privateKey();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
