package com.example.shop;

import static dev.logshield.tls.testing.ForgedLines.FORGED;
import static dev.logshield.tls.testing.ForgedLines.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.tls.config.TlsClientSettings;
import dev.logshield.tls.config.TlsContextFactory;
import dev.logshield.tls.testing.ForgedLines;
import dev.logshield.tls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample {@code examples/receiver.xml}, run as an operator runs it ({@code serve --config} in its own JVM),
 * lets no client forge a line of its encrypted file: an allowed client ({@code web-3}) sends over RELP an RFC 5424
 * message with a raw line feed followed by a made-up line in the name of {@code payments-1}, and JSON events whose
 * message, logger and {@code syslog.hostname} field hold CR, LF, NEL, ANSI, U+2028 and bidi controls; decrypted, the
 * file has one line per event, each in {@code web-3}'s name, the forged text escaped once ({@code \n}) by the
 * sample's redacting, neutralising encoder, and the receiver warned about nothing (its encoder neutralises).
 */
class SampleReceiverWritesOneLinePerEventTest {

    private static final String CN = "web-3.example.internal";
    private static final String OPEN = "relp_version=0\nrelp_software=test,1\ncommands=syslog";

    @TempDir
    Path tmp;

    @Test
    void theEncryptedFileHoldsOneLinePerEventInTheSendersName() throws Exception {
        TestPki pki = TestPki.generate(tmp.resolve("pki"));
        pki.issueClient("web-3", CN);
        SampleReceiver receiver = SampleReceiver.start(tmp, pki, CN);
        try (receiver) {
            List<String> events = List.of(
                    "<14>1 - web-3 shop - com.example.Shop - paid order 42\n" + FORGED,
                    json("message", "paid order 43\r\n" + FORGED, "logger_name", "com.example\u001b[2J\n" + FORGED,
                            "syslog.hostname", "web-3\u202e\u2028" + FORGED),
                    json("message", "colours \u001b[31mred\u001b[0m \u2066evil\u0085" + FORGED,
                            "logger_name", "com.example.Shop"));
            try (SSLSocket socket = connect(pki, receiver.port())) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(relp(1, "open", OPEN));
                assertThat(readRelp(in)).startsWith("1 rsp ").contains("200 OK");
                int txnr = 2;
                for (String event : events) {
                    out.write(relp(txnr, "syslog", event));
                    // acknowledged once handed to the appender, which writes and flushes its record at once
                    assertThat(readRelp(in)).isEqualTo(txnr + " rsp 6 200 OK");
                    txnr++;
                }
            }
        }
        String written = receiver.decrypt();
        ForgedLines.assertOneLinePerEvent(written, 3, CN);
        assertThat(written).contains(
                "[" + CN + "] [web-3] com.example.Shop - paid order 42\\n" + FORGED + "\n",
                "[" + CN + "] [web-3\\u202e\\u2028" + FORGED + "] com.example\\u001b[2J\\n" + FORGED
                        + " - paid order 43\\r\\n" + FORGED + "\n",
                "] com.example.Shop - colours \\u001b[31mred\\u001b[0m \\u2066evil\\u0085" + FORGED + "\n");
        // no warning about the output's encoder (the probe's connection is a rejected handshake, warned about)
        assertThat(receiver.console()).contains("listening").doesNotContain("forge lines")
                .doesNotContain("ERROR");
    }

    /** A raw mutual-TLS connection as the client {@code web-3}: it writes exactly the bytes given. */
    private static SSLSocket connect(TestPki pki, int port) throws Exception {
        TlsClientSettings settings = TlsClientSettings.builder().certificate(pki.client("web-3").chain())
                .privateKey(pki.client("web-3").key()).trustedCertificates(pki.caCert()).build();
        SSLSocket socket = (SSLSocket) TlsContextFactory.create(settings).getSocketFactory().createSocket();
        TlsContextFactory.configure(socket, settings, "127.0.0.1");
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        return socket;
    }

    /** A RELP command frame, {@code TXNR SP COMMAND SP DATALEN SP DATA LF}. */
    private static byte[] relp(int txnr, String command, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes((txnr + " " + command + " " + bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
        frame.writeBytes(bytes);
        frame.write('\n');
        return frame.toByteArray();
    }

    /** One RELP response frame as {@code TXNR rsp DATALEN DATA}, without its trailing LF. */
    private static String readRelp(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int spaces = 0;
        while (spaces < 3) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after '" + head + "'");
            }
            spaces += b == ' ' ? 1 : 0;
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString().trim().split(" ")[2]);
        String data = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        assertThat(in.read()).as("LF ending the frame").isEqualTo('\n');
        return head + data;
    }
}
