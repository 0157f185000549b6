package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TestPki.KeyType;
import dev.logshield.tls.testing.TlsTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves every PEM private key form (unencrypted PKCS#8, encrypted PKCS#8, PKCS#1 RSA, SEC1 EC, and the legacy
 * OpenSSL-encrypted traditional forms), for ECDSA P-256, RSA and Ed25519 keys, loads into key material the server
 * accepts in a TLS 1.3 handshake: the server sees client1.test over TLSv1.3 and receives what was sent.
 */
class EveryPemKeyFormatLoadsAndHandshakesTest {

    @TempDir
    static Path dir;

    private static final Map<KeyType, TestPki> PKIS = new EnumMap<>(KeyType.class);

    static synchronized TestPki pki(KeyType type) {
        return PKIS.computeIfAbsent(type, t -> TestPki.generate(dir.resolve(t.name()), t));
    }

    static Stream<Arguments> keyFiles() {
        return Stream.of(KeyType.values()).flatMap(type -> pki(type).client("client1").keyFiles().keySet().stream()
                .map(format -> Arguments.of(type, format)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keyFiles")
    void loadsAndHandshakesOverTls13(KeyType type, String format) throws Exception {
        TestPki pki = pki(type);
        TestIdentity client = pki.client("client1");
        Path keyFile = client.keyFiles().get(format);
        boolean encrypted = format.contains("encrypted");

        KeyMaterial key = KeyMaterial.fromPem(client.chain(), keyFile, encrypted ? TestPki.password() : null);

        assertThat(key.privateKey().getAlgorithm()).isEqualTo(client.privateKey().getAlgorithm());
        assertThat(key.leaf()).isEqualTo(client.certificate());
        assertThat(key.warnings()).isEmpty();
        TlsClientSettings settings = TlsClientSettings.builder().certificate(client.chain()).privateKey(keyFile)
                .privateKeyPassword(encrypted ? TestPki.password() : null).trustedCertificates(pki.caCert())
                .protocols("TLSv1.3").build();
        SSLContext context = TlsContextFactory.create(settings);
        try (TlsTestServer server = TlsTestServer.builder(pki).protocols("TLSv1.3").allowedClients("client1.test").start()) {
            TlsConnections.send(context, settings, "localhost", server.port(), "hello from " + format + "\n");

            server.awaitReceived("hello from " + format + "\n", Duration.ofSeconds(10));
            List<TlsTestServer.Connection> connections = server.connections();
            assertThat(connections).hasSize(1);
            assertThat(connections.get(0).accepted()).isTrue();
            assertThat(connections.get(0).peer()).isEqualTo("client1.test");
            assertThat(connections.get(0).protocol()).isEqualTo("TLSv1.3");
        }
    }
}
