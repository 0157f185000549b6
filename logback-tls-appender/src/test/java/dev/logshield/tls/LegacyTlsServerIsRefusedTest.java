package dev.logshield.tls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.Statuses;
import dev.logshield.tls.testing.TestMeters;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * A collector that speaks only TLSv1 is refused by the appender, counted as
 * {@code handshake_failures{reason=protocol}} and reported, and never sent an event. The JDK disables TLSv1 through
 * {@code jdk.tls.disabledAlgorithms}, read once per JVM, so the server runs in a child JVM with TLSv1 re-enabled;
 * there a JDK client limited to TLSv1 handshakes first, proving the server really speaks it.
 */
class LegacyTlsServerIsRefusedTest {

    @Test
    void aTlsV1OnlyCollectorIsRefusedAndCounted() throws Exception {
        TestPki pki = SharedPki.get();
        Set<Thread> before = MtlsThreads.alive();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TlsV1Collector.class.getName(), pki.server().pkcs12().toString(), pki.caCert().toString(),
                pki.client("client1").pkcs12().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
                PrintStream in = new PrintStream(child.getOutputStream(), true, UTF_8);
                TestMeters meters = TestMeters.register()) {
            String ready = out.readLine();
            assertThat(ready).as("the child's first line").startsWith("READY ");
            String[] words = ready.split(" ");
            assertThat(words[2]).as("protocol its own JDK client negotiated").isEqualTo("TLSv1");

            LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                    "destination", "localhost:" + words[1], "clientCert", pki.client("client1").chain().toString(),
                    "clientKey", pki.client("client1").key().toString(), "caCert", pki.caCert().toString(),
                    "registry", meters.name()));
            context.getLogger("app").info("must never reach a TLSv1 collector");
            assertThat(meters.awaitCount("logshield.tls.handshake_failures", 1, Duration.ofSeconds(10), "reason", "protocol"))
                    .as(meters.describe().toString()).isGreaterThanOrEqualTo(1);
            assertThat(Statuses.awaitError(context, "TLS refused (protocol) to localhost:" + words[1], Duration.ofSeconds(2)))
                    .singleElement().asString().contains("protocol_version");
            assertThat(meters.count("logshield.tls.reconnects")).isZero();
            context.stop();
            MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));

            in.println("REPORT");
            List<String> report = new ArrayList<>();
            for (String line = out.readLine(); line != null && !line.equals("END"); line = out.readLine()) {
                report.add(line);
            }
            assertThat(report.get(0)).isEqualTo("accepted [client1.test] TLSv1");
            assertThat(report.subList(1, report.size())).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .startsWith("refused").contains("client supported protocol versions [TLSv1.3, TLSv1.2] are not accepted"));
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The child JVM: {@code <server.p12> <ca.pem> <client.p12>}, passwords {@link TestPki#PASSWORD}. Prints
     * {@code READY <port> <protocol negotiated by its own TLSv1 client>}; on {@code REPORT}, every connection then
     * {@code END}.
     */
    static final class TlsV1Collector {

        public static void main(String[] args) throws Exception {
            // before any TLS class reads it: re-enable TLSv1 in this JVM only
            String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
            Security.setProperty("jdk.tls.disabledAlgorithms", Arrays.stream(disabled.split(","))
                    .map(String::strip).filter(a -> !a.equals("TLSv1")).collect(Collectors.joining(", ")));
            KeyStore serverStore = load(Path.of(args[0]));
            X509Certificate ca;
            try (InputStream pem = Files.newInputStream(Path.of(args[1]))) {
                ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            }
            String alias = serverStore.aliases().nextElement();
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : serverStore.getCertificateChain(alias)) {
                chain.add((X509Certificate) c);
            }
            TlsTestServer server = TlsTestServer.builder()
                    .identity((PrivateKey) serverStore.getKey(alias, TestPki.password()), chain).trust(ca)
                    .protocols("TLSv1").start();

            SSLContext control = SSLContext.getInstance("TLS");
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(load(Path.of(args[2])), TestPki.password());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            control.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            String negotiated;
            try (SSLSocket socket = (SSLSocket) control.getSocketFactory().createSocket("localhost", server.port())) {
                socket.setEnabledProtocols(new String[] {"TLSv1"});
                socket.startHandshake();
                negotiated = socket.getSession().getProtocol();
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
