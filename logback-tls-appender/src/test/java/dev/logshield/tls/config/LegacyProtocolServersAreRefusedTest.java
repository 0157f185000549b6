package dev.logshield.tls.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves a server that speaks only TLSv1.1 or TLSv1 is refused. The JDK disables those versions through
 * {@code jdk.tls.disabledAlgorithms}, which is read once per JVM, so the server runs in a JVM of its own with them
 * re-enabled; there a JDK client limited to the old version handshakes first, proving the server really speaks it,
 * and then LogShield's client, in this JVM, fails its handshake and the server records no accepted connection.
 */
class LegacyProtocolServersAreRefusedTest {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.1", "TLSv1"})
    void aServerOfAnOlderVersionIsRefused(String legacy) throws Exception {
        TlsClientSettings settings = TlsClientSettings.builder().certificate(pki.client("client1").chain())
                .privateKey(pki.client("client1").key()).trustedCertificates(pki.caCert()).build();
        SSLContext context = TlsContextFactory.create(settings);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), LegacyServer.class.getName(), legacy,
                pki.server().pkcs12().toString(), pki.caCert().toString(), pki.client("client1").pkcs12().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
                PrintStream in = new PrintStream(child.getOutputStream(), true, UTF_8)) {
            String ready = out.readLine();
            assertThat(ready).as("the legacy server's first line").startsWith("READY ");
            String[] words = ready.split(" ");
            assertThat(words[2]).as("protocol its own JDK client negotiated").isEqualTo(legacy);
            int port = Integer.parseInt(words[1]);

            assertThatThrownBy(() -> TlsConnections.connect(context, settings, "localhost", port)).isInstanceOf(SSLException.class);

            in.println("REPORT");
            List<String> report = new ArrayList<>();
            for (String line = out.readLine(); line != null && !line.equals("END"); line = out.readLine()) {
                report.add(line);
            }
            assertThat(report).hasSize(2);
            assertThat(report.get(0)).isEqualTo("accepted [client1.test] " + legacy);
            assertThat(report.get(1)).startsWith("refused")
                    .contains("client supported protocol versions [TLSv1.3, TLSv1.2] are not accepted");
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The legacy server: {@code <protocol> <server.p12> <ca.pem> <client.p12>}, passwords {@link TestPki#PASSWORD}. */
    static final class LegacyServer {

        public static void main(String[] args) throws Exception {
            // before any TLS class reads it: drop the old versions from the disabled list of this JVM only
            String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
            Security.setProperty("jdk.tls.disabledAlgorithms", Arrays.stream(disabled.split(","))
                    .map(String::strip).filter(a -> !a.equals("TLSv1") && !a.equals("TLSv1.1")).collect(Collectors.joining(", ")));
            String protocol = args[0];
            KeyStore serverStore = load(Path.of(args[1]));
            X509Certificate ca;
            try (InputStream pem = Files.newInputStream(Path.of(args[2]))) {
                ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            }
            String alias = serverStore.aliases().nextElement();
            List<X509Certificate> chain = new ArrayList<>();
            for (java.security.cert.Certificate c : serverStore.getCertificateChain(alias)) {
                chain.add((X509Certificate) c);
            }
            TlsTestServer server = TlsTestServer.builder()
                    .identity((PrivateKey) serverStore.getKey(alias, TestPki.password()), chain).trust(ca)
                    .protocols(protocol).start();

            SSLContext control = SSLContext.getInstance("TLS");
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(load(Path.of(args[3])), TestPki.password());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            control.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            String negotiated;
            try (SSLSocket socket = (SSLSocket) control.getSocketFactory().createSocket("localhost", server.port())) {
                socket.setEnabledProtocols(new String[] {protocol});
                socket.startHandshake();
                negotiated = socket.getSession().getProtocol();
                OutputStream out = socket.getOutputStream();
                out.write('x');
                out.flush();
            }
            server.awaitConnections(1, Duration.ofSeconds(10));
            System.out.println("READY " + server.port() + " " + negotiated);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, UTF_8));
            if ("REPORT".equals(in.readLine())) {
                server.awaitConnections(2, Duration.ofSeconds(10));
                server.connections().forEach(System.out::println);
            }
            System.out.println("END");
            server.stop();
        }

        private static KeyStore load(Path p12) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                store.load(in, TestPki.password());
            }
            return store;
        }
    }
}
