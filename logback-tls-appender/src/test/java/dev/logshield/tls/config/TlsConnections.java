package dev.logshield.tls.config;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Connects the way the appender will: TCP, then TLS over it with {@link TlsContextFactory#configure}. */
final class TlsConnections {

    private TlsConnections() {
    }

    /** A socket connected to {@code host:port} whose handshake has completed on the client's side. */
    static SSLSocket connect(SSLContext context, TlsClientSettings settings, String host, int port)
            throws IOException, TlsConfigException {
        Socket tcp = new Socket();
        tcp.connect(new InetSocketAddress(host, port), 5_000);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
        try {
            TlsContextFactory.configure(tls, settings, host);
            tls.setSoTimeout(10_000);
            tls.startHandshake();
            return tls;
        } catch (IOException | TlsConfigException | RuntimeException e) {
            tls.close();
            throw e;
        }
    }

    /** Connects, writes {@code text} and closes. */
    static void send(SSLContext context, TlsClientSettings settings, String host, int port, String text)
            throws IOException, TlsConfigException {
        try (SSLSocket socket = connect(context, settings, host, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /**
     * Whether the server closed or failed the connection within {@code millis} (EOF or an alert), the way a client
     * must find out that a TLS 1.3 server refused its certificate after the handshake.
     */
    static boolean closedByServer(SSLSocket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
