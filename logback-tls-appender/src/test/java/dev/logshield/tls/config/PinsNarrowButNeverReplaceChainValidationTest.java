package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.TlsTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves, in real handshakes, that the server's pin is accepted when listed (alone or beside a backup pin), that a
 * wrong pin is refused although the chain is valid, with a message naming the expected pins and the actual one, and
 * that a certificate whose pin IS listed but whose chain is untrusted is still refused: pins narrow trust, never
 * replace chain validation, even with hostname verification off.
 */
class PinsNarrowButNeverReplaceChainValidationTest {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(dir);
    }

    @Test
    void theServersPinIsAccepted() throws Exception {
        String backup = pki.otherServer().spkiPin();
        for (String pins : new String[] {pki.server().spkiPin(), backup + ", " + pki.server().spkiPin()}) {
            TlsClientSettings settings = settings().pins(pins).build();
            try (TlsTestServer server = TlsTestServer.builder(pki).start()) {
                TlsConnections.send(TlsContextFactory.create(settings), settings, "localhost", server.port(), "pinned\n");

                server.awaitReceived("pinned\n", Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void aWrongPinIsRefusedDespiteAValidChainNamingExpectedAndActual() throws Exception {
        String wrong = pki.otherServer().spkiPin();
        String backup = pki.client("client1").spkiPin();
        TlsClientSettings settings = settings().pins(wrong + "," + backup).build();
        SSLContext context = TlsContextFactory.create(settings);

        try (TlsTestServer server = TlsTestServer.builder(pki).start()) {
            assertThatThrownBy(() -> TlsConnections.connect(context, settings, "localhost", server.port()))
                    .isInstanceOf(SSLHandshakeException.class).hasCauseInstanceOf(PinMismatchException.class)
                    .satisfies(e -> assertThat(Stream.iterate((Throwable) e, t -> t != null, Throwable::getCause)
                            .map(Throwable::getMessage))
                            .anyMatch(m -> m != null && m.equals("server certificate CN=localhost has SPKI pin " + pki.server().spkiPin()
                                    + ", which is not among the configured pins (" + wrong + ", " + backup
                                    + "); if the server's key was replaced on purpose, add its pin")));
            assertThat(server.receivedText()).isEmpty();
        }
    }

    @Test
    void aListedPinUnderAnUntrustedChainIsStillRefused() throws Exception {
        TlsClientSettings settings = settings().pins(pki.rogueServer().spkiPin()).hostnameVerification(false).build();
        SSLContext context = TlsContextFactory.create(settings);

        try (TlsTestServer server = TlsTestServer.builder(pki).identity(pki.rogueServer()).start()) {
            assertThatThrownBy(() -> TlsConnections.connect(context, settings, "localhost", server.port()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .satisfies(e -> assertThat(Stream.iterate((Throwable) e, t -> t != null, Throwable::getCause)
                            .map(String::valueOf)).anyMatch(m -> m.contains("PKIX path building failed")))
                    .satisfies(e -> assertThat(Stream.iterate((Throwable) e, t -> t != null, Throwable::getCause))
                            .noneMatch(PinMismatchException.class::isInstance));
        }
    }

    private static TlsClientSettings.Builder settings() {
        return TlsClientSettings.builder().certificate(pki.client("client1").chain()).privateKey(pki.client("client1").key())
                .trustedCertificates(pki.caCert());
    }
}
