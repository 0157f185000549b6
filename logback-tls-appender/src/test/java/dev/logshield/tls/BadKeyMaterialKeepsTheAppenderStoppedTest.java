package dev.logshield.tls;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.MtlsThreads;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client key material that cannot be used (missing or unreadable file, a key that is not the certificate's, an
 * expired certificate, an encrypted key with the wrong password) keeps the appender stopped with one status error
 * that names the file and the problem: configuring and then logging never throw into the application, and no
 * appender thread is ever started.
 */
class BadKeyMaterialKeepsTheAppenderStoppedTest {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = SharedPki.get();
    }

    static Stream<Arguments> badMaterial() throws Exception {
        Path missing = dir.resolve("missing-key.pem");
        Path directory = Files.createDirectories(dir.resolve("key-is-a-directory.pem"));
        return Stream.of(
                Arguments.of("missing key file", pki.client("client1").chain(), missing, "",
                        new String[] {"private key", "not found", missing.toString()}),
                Arguments.of("missing certificate file", dir.resolve("missing-cert.pem"), pki.client("client1").key(), "",
                        new String[] {"not found", "missing-cert.pem"}),
                Arguments.of("unreadable key file (a directory)", pki.client("client1").chain(), directory, "",
                        new String[] {directory.toString(), "is a directory"}),
                Arguments.of("key of another certificate", pki.client("client1").chain(), pki.client("client2").key(), "",
                        new String[] {"does not belong to certificate", "client1.test"}),
                Arguments.of("expired client certificate", pki.client("expired").chain(), pki.client("expired").key(), "",
                        new String[] {"expired"}),
                Arguments.of("encrypted key, wrong password", pki.client("client1").chain(),
                        pki.client("client1").encryptedKey(), "not-the-password",
                        new String[] {"cannot decrypt private key", pki.client("client1").encryptedKey().toString()}),
                Arguments.of("encrypted key, no password", pki.client("client1").chain(),
                        pki.client("client1").encryptedKey(), "",
                        new String[] {"is encrypted and no password is configured"}),
                Arguments.of("certificate file holds a key", pki.client("client1").key(), pki.client("client1").key(), "",
                        new String[] {"certificate", pki.client("client1").key().toString()}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMaterial")
    void staysStoppedWithOneClearError(String problem, Path certificate, Path key, String password, String[] expected) {
        Set<Thread> before = MtlsThreads.alive();
        LoggerContext context = XmlConfiguredContext.configure(getClass().getSimpleName(), Map.of(
                "destination", "localhost:6514", "clientCert", certificate.toString(), "clientKey", key.toString(),
                "keyPassword", password, "caCert", pki.caCert().toString()));
        try {
            for (int i = 0; i < 100; i++) {
                context.getLogger("app").info("event {}", i);
            }
            assertThat(XmlConfiguredContext.isStarted(context, "SHIP")).as(problem).isFalse();
            assertThat(XmlConfiguredContext.errors(context)).as(problem)
                    .anySatisfy(e -> assertThat(e).startsWith("[SHIP] stays stopped: ").contains(expected));
            assertThat(MtlsThreads.startedSince(before)).as("threads of a stopped appender").isEmpty();
        } finally {
            context.stop();
        }
        MtlsThreads.assertNoneLeft(before, Duration.ofSeconds(2));
    }
}
