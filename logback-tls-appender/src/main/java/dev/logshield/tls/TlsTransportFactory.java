package dev.logshield.tls;

import dev.logshield.tls.config.HandshakeFailureReason;
import dev.logshield.tls.config.TlsClientSettings;
import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.config.TlsContextFactory;
import dev.logshield.tls.delivery.Destination;
import dev.logshield.tls.delivery.PeerRejectedException;
import dev.logshield.tls.delivery.Transport;
import dev.logshield.tls.delivery.TransportFactory;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * Opens mutual-TLS connections: TCP connect with a timeout, a handshake restricted to TLS 1.3/1.2 with host-name
 * verification and pins, then a short read. Under TLS 1.3 a server checks the client certificate after the client
 * considers the handshake done, so a rejected client only sees EOF or an alert on its first read: without that
 * read, its writes would "succeed" into the void.
 */
final class TlsTransportFactory implements TransportFactory {

    private final Supplier<SSLContext> contexts;
    private final TlsClientSettings settings;
    private final int connectTimeoutMs;
    private final int handshakeTimeoutMs;
    private final int probeMs;
    private final Set<Socket> opening = ConcurrentHashMap.newKeySet();
    private volatile boolean aborted;

    TlsTransportFactory(Supplier<SSLContext> contexts, TlsClientSettings settings, int connectTimeoutMs,
                        int handshakeTimeoutMs, int probeMs) {
        this.contexts = contexts;
        this.settings = settings;
        this.connectTimeoutMs = connectTimeoutMs;
        this.handshakeTimeoutMs = handshakeTimeoutMs;
        this.probeMs = probeMs;
    }

    @Override
    public Transport open(Destination destination, InetAddress address) throws IOException {
        Socket raw = new Socket();
        SSLSocket ssl = null;
        opening.add(raw);
        try {
            if (aborted) {
                throw new IOException("not connecting: the appender is stopping");
            }
            raw.setTcpNoDelay(true);
            raw.setKeepAlive(true);
            raw.connect(new InetSocketAddress(address, destination.port()), connectTimeoutMs);
            ssl = (SSLSocket) contexts.get().getSocketFactory().createSocket(raw, destination.host(),
                    destination.port(), true);
            try {
                TlsContextFactory.configure(ssl, settings, destination.host());
            } catch (TlsConfigException e) {
                throw new PeerRejectedException("configuration", e.getMessage(), e);
            }
            ssl.setSoTimeout(handshakeTimeoutMs);
            try {
                ssl.startHandshake();
            } catch (SocketTimeoutException e) {
                // TCP was accepted: the peer is up but does not answer the ClientHello (not a TLS port, or hung)
                throw new PeerRejectedException("timeout", "TLS handshake with " + destination + " (" + address.getHostAddress()
                        + ") got no answer within " + handshakeTimeoutMs + " ms (<handshakeTimeout>): is it a TLS port?", e);
            } catch (SSLException e) {
                HandshakeFailureReason reason = HandshakeFailureReason.of(e);
                throw new PeerRejectedException(reason.tag(), "TLS handshake with " + destination + " ("
                        + address.getHostAddress() + ") failed: " + describe(e) + (reason == HandshakeFailureReason.NOT_TLS
                        ? " (the peer answered with something that is not TLS: a plaintext port?)" : ""), e);
            } catch (IOException e) {
                if (aborted) {
                    throw e;
                }
                // TCP was accepted, then reset or closed mid-handshake: a refusal whose alert, if any, never arrived
                throw new PeerRejectedException(HandshakeFailureReason.HANDSHAKE.tag(), "TLS handshake with " + destination
                        + " (" + address.getHostAddress() + ") failed: " + describe(e) + " (the collector ended the"
                        + " connection during the handshake: it may have refused our client certificate)", e);
            }
            PushbackInputStream in = new PushbackInputStream(ssl.getInputStream(), 1);
            probe(ssl, in, destination);
            ssl.setSoTimeout(0);
            String description = destination + " (" + address.getHostAddress() + ") " + ssl.getSession().getProtocol()
                    + " " + ssl.getSession().getCipherSuite();
            return new Transport(ssl, in, description, raw);
        } catch (IOException | RuntimeException e) {
            close(ssl != null ? ssl : raw);
            throw e;
        } finally {
            opening.remove(raw);
        }
    }

    @Override
    public void abort() {
        aborted = true;
        for (Socket socket : opening) {
            close(socket);
        }
    }

    private void probe(SSLSocket ssl, PushbackInputStream in, Destination destination) throws IOException {
        if (probeMs <= 0) {
            return;
        }
        ssl.setSoTimeout(probeMs);
        try {
            int first = in.read();
            if (first < 0) {
                throw new PeerRejectedException("client-rejected", destination + " closed the connection right after the"
                        + " handshake: it most likely rejected our client certificate (not on its allow-list?)", null);
            }
            in.unread(first);
        } catch (SocketTimeoutException e) {
            // silence is what an accepting collector says
        } catch (SSLException e) {
            throw new PeerRejectedException("client-rejected", destination + " rejected the connection after the handshake: "
                    + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        String message = fullMessage(e);
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    private static String fullMessage(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 1000; t = t.getCause()) {
            if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already failing
        }
    }
}
