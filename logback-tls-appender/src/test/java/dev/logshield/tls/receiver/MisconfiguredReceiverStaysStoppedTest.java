package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every misconfiguration is a status error that says what to do, the receiver stays stopped, and its port stays
 * free: missing or unreadable key material, no client CA, an empty allow-list or a bad entry in it (a name outside
 * ASCII among them), a port out of range, an unknown framing, a limit of zero or one that leaves authenticated
 * clients no room, and a port already in use.
 */
class MisconfiguredReceiverStaysStoppedTest {

    private static final String NAME = "MisconfiguredReceiverStaysStoppedTest";

    private final TestPki pki = SharedPki.get();

    static Stream<Arguments> misconfigurations() {
        return Stream.of(
                Arguments.of("serverCert", "", "is configured without its <certificate> (PEM, leaf first)"),
                Arguments.of("serverKey", "", "is configured without its <privateKey>"),
                Arguments.of("serverCert", "/nonexistent/receiver.pem", "/nonexistent/receiver.pem"),
                Arguments.of("caCert", "", "no client CA: configure <trustedCertificates>"),
                Arguments.of("allowedSpki", "sha1/AAAA", "<allowedSpki>: unsupported SPKI pin 'sha1/AAAA'"),
                Arguments.of("allowedName", "\u212Aafka-1.test", "has a character outside ASCII"),
                Arguments.of("allowedName", "b\u00fccher.example", "write an internationalised name as its A-label (xn--"),
                Arguments.of("port", "70000", "<port>70000</port> is not a TCP port: use 1 to 65535"),
                Arguments.of("framing", "syslog-tcp", "unknown <framing> 'syslog-tcp': use auto, octet-counting"),
                Arguments.of("maxConnections", "0", "<maxConnections>0</maxConnections> must be at least 1"),
                Arguments.of("maxHandshakes", "16", "<maxHandshakes>16</maxHandshakes> must be less than <maxConnections> 16"),
                Arguments.of("maxHandshakes", "0", "<maxHandshakes>0</maxHandshakes> must be at least 1"),
                Arguments.of("frameTimeout", "0 seconds", "<frameTimeout> must be a positive duration"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("misconfigurations")
    void reportsAndStaysStopped(String property, String value, String expectedError) throws IOException {
        int port = freePort();
        Map<String, String> properties = validProperties(port);
        properties.put(property, value);
        LoggerContext context = ReceiverContexts.configure(NAME, pki, properties);
        try {
            assertStoppedWith(context, expectedError);
        } finally {
            context.stop();
        }
        assertThat(bindable(port)).as("port " + port + " left free").isTrue();
    }

    @Test
    void anEmptyAllowListIsAnErrorUnlessAnyClientIsAllowedExplicitly() throws IOException {
        int port = freePort();
        LoggerContext context = ReceiverContexts.configure(NAME + "-no-allow-list", pki, validProperties(port));
        try {
            assertStoppedWith(context, "no client is allowed: add <allowedName>, <allowedSubject> or <allowedSpki>");
        } finally {
            context.stop();
        }
        assertThat(bindable(port)).isTrue();
    }

    @Test
    void aPortInUseIsReported() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            LoggerContext context = ReceiverContexts.configure(NAME, pki, validProperties(taken.getLocalPort()));
            try {
                assertStoppedWith(context, "cannot listen on 127.0.0.1:" + taken.getLocalPort());
                assertThat(XmlConfiguredContext.errors(context)).singleElement().asString()
                        .contains("Choose another <port>");
            } finally {
                context.stop();
            }
        }
    }

    private static void assertStoppedWith(LoggerContext context, String expectedError) {
        MtlsReceiver receiver = ReceiverContexts.receiver(context);
        assertThat(receiver.isStarted()).isFalse();
        assertThat(receiver.localPort()).isEqualTo(-1);
        assertThat(XmlConfiguredContext.errors(context)).anySatisfy(e -> assertThat(e)
                .startsWith("MtlsReceiver stays stopped: ").contains(expectedError));
    }

    private Map<String, String> validProperties(int port) {
        Map<String, String> properties = new HashMap<>();
        properties.put("port", Integer.toString(port));
        properties.put("allowedSpki", pki.client("client2").spkiPin());
        properties.put("framing", "auto");
        properties.put("maxConnections", "16");
        properties.put("maxHandshakes", "4");
        properties.put("allowedName", "client1.test");
        properties.put("frameTimeout", "30 seconds");
        return properties;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
