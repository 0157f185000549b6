package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the receiver's {@link ReloadingServerContext} does not look at its files again within its check interval
 * (a flood of connections is not a flood of file reads), and that once it looks it reloads and reports exactly as
 * the client's {@link ReloadingTlsContext} does: a renewed certificate is used and announced, broken files keep
 * the previous context and are reported once.
 */
class ReloadingServerContextChecksItsFilesAtMostOncePerIntervalTest {

    private static final TestPki pki = SharedPki.get();

    @TempDir
    Path live;

    private final RecordingReloadListener listener = new RecordingReloadListener();
    private final List<String> events = listener.events();

    private Path cert;
    private Path key;

    @BeforeEach
    void files() throws Exception {
        cert = live.resolve("receiver.pem");
        key = live.resolve("receiver.key");
        install(pki.server());
    }

    @Test
    void renewedFilesAreNotLookedAtWithinTheInterval() throws Exception {
        ReloadingServerContext tls = ReloadingServerContext.start(settings(), listener, 3_600_000);
        SSLContext first = tls.current();

        install(pki.otherServer());

        assertThat(tls.current()).isSameAs(first);
        assertThat(tls.keyMaterial().leaf()).isEqualTo(pki.server().certificate());
        assertThat(events).isEmpty();
    }

    @Test
    void onceLookedAtRenewedFilesAreServedAndBrokenOnesReportedOnce() throws Exception {
        ReloadingServerContext tls = ReloadingServerContext.start(settings(), listener, 0);
        SSLContext first = tls.current();

        Files.writeString(key, "half written");
        assertThat(tls.current()).isSameAs(first);
        assertThat(tls.current()).isSameAs(first);

        install(pki.otherServer());
        SSLContext renewed = tls.current();

        assertThat(renewed).isNotSameAs(first);
        assertThat(tls.current()).isSameAs(renewed);
        assertThat(tls.keyMaterial().leaf()).isEqualTo(pki.otherServer().certificate());
        assertThat(events).containsExactly("failed: cannot reload TLS material, still using the previous one: no private"
                + " key in " + key + ": expected a PEM block -----BEGIN PRIVATE KEY----- (or ENCRYPTED PRIVATE KEY, RSA"
                + " PRIVATE KEY, EC PRIVATE KEY) and found no PEM block at all", "reloaded: CN=other.test");
    }

    private TlsServerSettings settings() throws TlsConfigException {
        return TlsServerSettings.of(KeySource.pem(cert, key, null), TrustSource.pem(pki.caCert()), List.of());
    }

    private void install(TestIdentity identity) throws Exception {
        Files.copy(identity.chain(), cert, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(identity.key(), key, StandardCopyOption.REPLACE_EXISTING);
    }
}
