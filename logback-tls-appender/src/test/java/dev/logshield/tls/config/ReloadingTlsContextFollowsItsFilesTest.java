package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves {@link ReloadingTlsContext#current()} keeps the context while the files stay the same, picks up a swapped
 * client certificate (PEM or PKCS#12) on the next call even when the new files have the old size and modification
 * time, keeps the previous context when the new files are broken (garbage, a key of another certificate, an expired
 * certificate), reports each distinct problem once, and recovers when the files are fixed; and that the first
 * build must succeed.
 */
class ReloadingTlsContextFollowsItsFilesTest {

    @TempDir
    static Path pkiDir;

    static TestPki pki;

    @TempDir
    Path live;

    private final RecordingReloadListener listener = new RecordingReloadListener();
    private final List<String> events = listener.events();

    private TlsTestServer server;
    private Path cert;
    private Path key;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(pkiDir);
    }

    @BeforeEach
    void files() throws Exception {
        server = TlsTestServer.builder(pki).start();
        cert = live.resolve("client.pem");
        key = live.resolve("client.key");
        install("client1");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void unchangedFilesKeepTheSameContext() throws Exception {
        ReloadingTlsContext tls = ReloadingTlsContext.start(pemSettings(), listener);

        assertThat(tls.current()).isSameAs(tls.current());
        assertThat(events).isEmpty();
    }

    @Test
    void aSwappedCertificateIsUsedForTheNextConnection() throws Exception {
        TlsClientSettings settings = pemSettings();
        ReloadingTlsContext tls = ReloadingTlsContext.start(settings, listener);
        SSLContext first = tls.current();
        connect(tls, settings);

        installKeepingTimes("client2");
        SSLContext second = tls.current();
        connect(tls, settings);

        assertThat(second).isNotSameAs(first);
        assertThat(tls.keyMaterial().leaf()).isEqualTo(pki.client("client2").certificate());
        assertThat(events).containsExactly("reloaded: CN=client2.test");
        assertThat(peers()).containsExactly("client1.test", "client2.test");
    }

    @Test
    void brokenFilesKeepThePreviousContextReportOnceAndRecover() throws Exception {
        TlsClientSettings settings = pemSettings();
        ReloadingTlsContext tls = ReloadingTlsContext.start(settings, listener);
        SSLContext good = tls.current();

        Files.writeString(key, "half written");
        assertThat(tls.current()).isSameAs(good);
        assertThat(tls.current()).isSameAs(good);
        connect(tls, settings);

        Files.copy(pki.client("client2").key(), key, StandardCopyOption.REPLACE_EXISTING);
        assertThat(tls.current()).isSameAs(good);

        Files.copy(pki.client("expired").chain(), cert, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pki.client("expired").key(), key, StandardCopyOption.REPLACE_EXISTING);
        assertThat(tls.current()).isSameAs(good);
        connect(tls, settings);

        install("client2");
        SSLContext fixed = tls.current();
        connect(tls, settings);

        assertThat(fixed).isNotSameAs(good);
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isEqualTo("failed: cannot reload TLS material, still using the previous one: no private key in "
                + key + ": expected a PEM block -----BEGIN PRIVATE KEY----- (or ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY,"
                + " EC PRIVATE KEY) and found no PEM block at all");
        assertThat(events.get(1)).startsWith("failed: cannot reload TLS material, still using the previous one: private key "
                + key + " does not belong to certificate CN=client1.test");
        assertThat(events.get(2)).startsWith("failed: cannot reload TLS material, still using the previous one: certificate"
                + " CN=client1.test (certificate file " + cert + ") expired on ");
        assertThat(events.get(3)).isEqualTo("reloaded: CN=client2.test");
        assertThat(peers()).containsExactly("client1.test", "client1.test", "client2.test");
    }

    @Test
    void aMissingFileKeepsThePreviousContext() throws Exception {
        ReloadingTlsContext tls = ReloadingTlsContext.start(pemSettings(), listener);
        SSLContext good = tls.current();

        Files.delete(cert);

        assertThat(tls.current()).isSameAs(good);
        assertThat(events).containsExactly("failed: cannot reload TLS material, still using the previous one:"
                + " certificate file not found: " + cert);
    }

    @Test
    void aSwappedPkcs12KeyStoreIsPickedUp() throws Exception {
        Path p12 = live.resolve("client.p12");
        Files.copy(pki.client("client1").pkcs12(), p12);
        TlsClientSettings settings = TlsClientSettings.builder().keyStore(p12).keyStorePassword(TestPki.password())
                .trustStore(pki.truststore()).trustStorePassword(TestPki.password()).build();
        ReloadingTlsContext tls = ReloadingTlsContext.start(settings, listener);
        connect(tls, settings);

        Files.copy(pki.client("client2").pkcs12(), p12, StandardCopyOption.REPLACE_EXISTING);
        connect(tls, settings);

        assertThat(events).containsExactly("reloaded: CN=client2.test");
        assertThat(peers()).containsExactly("client1.test", "client2.test");
    }

    @Test
    void theFirstBuildMustSucceed() throws Exception {
        Files.copy(pki.client("client2").key(), key, StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> ReloadingTlsContext.start(pemSettings(), listener)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("private key " + key + " does not belong to certificate CN=client1.test");
    }

    private TlsClientSettings pemSettings() throws TlsConfigException {
        return TlsClientSettings.builder().certificate(cert).privateKey(key).trustedCertificates(pki.caCert()).build();
    }

    private void install(String client) throws Exception {
        Files.copy(pki.client(client).chain(), cert, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pki.client(client).key(), key, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Replaces the files with another client's while keeping their modification times. */
    private void installKeepingTimes(String client) throws Exception {
        FileTime certTime = Files.getLastModifiedTime(cert);
        FileTime keyTime = Files.getLastModifiedTime(key);
        install(client);
        Files.setLastModifiedTime(cert, certTime);
        Files.setLastModifiedTime(key, keyTime);
    }

    private void connect(ReloadingTlsContext tls, TlsClientSettings settings) throws Exception {
        int before = server.connections().size();
        TlsConnections.send(tls.current(), settings, "localhost", server.port(), "x");
        server.awaitConnections(before + 1, Duration.ofSeconds(10));
    }

    private List<String> peers() {
        List<String> peers = new ArrayList<>();
        server.connections().forEach(c -> peers.add(c.peer()));
        return peers;
    }
}
