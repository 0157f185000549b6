package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.config.TlsClientSettings;
import dev.logshield.tls.config.TlsContextFactory;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import dev.logshield.tls.testing.Waits;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver embedded without logback.xml (setContext, setters, start, {@code localPort()}) follows its
 * certificate files: when they are replaced (a renewal), new connections get the new certificate, and a status
 * line says so; connections keep working throughout.
 */
class RenewedReceiverCertificateIsServedTest {

    @TempDir
    Path dir;

    @Test
    void newConnectionsGetTheRenewedCertificate() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        Path cert = Files.copy(pki.server().chain(), dir.resolve("receiver.pem"));
        Path key = Files.copy(pki.server().key(), dir.resolve("receiver.key"));
        LoggerContext context = new LoggerContext();
        MtlsReceiver receiver = new MtlsReceiver();
        receiver.setContext(context);
        receiver.setAddress("127.0.0.1");
        receiver.setPort(0);
        receiver.setCertificate(cert.toString());
        receiver.setPrivateKey(key.toString());
        receiver.setTrustedCertificates(pki.caCert().toString());
        receiver.addAllowedName("client1.test");
        receiver.start();
        try {
            assertThat(receiver.isStarted()).as(XmlConfiguredContext.errors(context).toString()).isTrue();
            assertThat(serverCertificate(pki, receiver.localPort()).getSubjectX500Principal().getName())
                    .isEqualTo("CN=localhost");

            Files.copy(pki.otherServer().chain(), cert, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(pki.otherServer().key(), key, StandardCopyOption.REPLACE_EXISTING);
            long deadline = System.nanoTime() + Waits.FLOOR.toNanos();
            String subject;
            do {
                Thread.sleep(200);
                subject = serverCertificate(pki, receiver.localPort()).getSubjectX500Principal().getName();
            } while (!subject.equals("CN=other.test") && System.nanoTime() < deadline);
            assertThat(subject).as("the renewed certificate, within the 1 s file check").isEqualTo("CN=other.test");
            assertThat(XmlConfiguredContext.statuses(context, Status.INFO)).anySatisfy(s -> assertThat(s)
                    .contains("MtlsReceiver: TLS material reloaded: subject=CN=other.test"));
        } finally {
            receiver.stop();
        }
        assertThat(receiver.localPort()).isEqualTo(-1);
    }

    /** The certificate the receiver presents to a new connection (host names not checked: it changes on purpose). */
    private static X509Certificate serverCertificate(TestPki pki, int port) throws Exception {
        TlsClientSettings settings = TlsClientSettings.builder().certificate(pki.client("client1").chain())
                .privateKey(pki.client("client1").key()).trustedCertificates(pki.caCert()).hostnameVerification(false)
                .build();
        SSLContext context = TlsContextFactory.create(settings);
        Socket tcp = new Socket();
        tcp.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, "127.0.0.1", port, true)) {
            TlsContextFactory.configure(tls, settings, "127.0.0.1");
            tls.setSoTimeout(5_000);
            tls.startHandshake();
            return (X509Certificate) tls.getSession().getPeerCertificates()[0];
        }
    }
}
