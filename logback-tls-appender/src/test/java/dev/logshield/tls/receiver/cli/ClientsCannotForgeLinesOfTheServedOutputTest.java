package dev.logshield.tls.receiver.cli;

import static dev.logshield.tls.testing.ForgedLines.FORGED;
import static dev.logshield.tls.testing.ForgedLines.json;
import static dev.logshield.tls.testing.ForgedLines.octetCounted;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import dev.logshield.crypto.cli.Logcrypt;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.X25519KeyPair;
import dev.logshield.tls.receiver.MtlsReceiver;
import dev.logshield.tls.receiver.RawTlsClient;
import dev.logshield.tls.testing.ClosedAfterEach;
import dev.logshield.tls.testing.ForgedLines;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An allowed client ({@code web-3}) cannot forge a line of what {@code serve} writes, nor pass for another client:
 * through the configuration {@code serve} generates from its flags (a file output and its redacting, neutralising
 * encoder), a message with a line break followed by a made-up line in the name of {@code payments-1}, and logger,
 * thread, structured-data and field values with CR, LF, NEL, U+2028/U+2029, ANSI and bidi controls, sent as JSON
 * lines, RFC 5424 (octet-counted and newline-framed), RFC 3164 and over RELP, come out as one line per event, each
 * in {@code web-3}'s name, with the forged text visibly escaped once ({@code \n}, never {@code \\n}) and no raw
 * control or bidi character; and the generated configuration draws no warning about its encoder. The encrypted
 * output's inner encoder does the same.
 */
class ClientsCannotForgeLinesOfTheServedOutputTest {

    private static final String CN = "web-3.example.internal";
    private static final String PATTERN =
            "%d{ISO8601} %-5level [%mdc{client.cn}] [%thread] %logger user=%mdc{user} st=%mdc{stack_trace} - %msg%n";
    private static final String OPEN = "relp_version=0\nrelp_software=test,1\ncommands=syslog";
    private static final String PAID_42 = "paid order 42\\n" + FORGED;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path pkiDir;
    private static TestPki pki;

    @TempDir
    Path dir;
    @RegisterExtension
    final ClosedAfterEach cleanup = new ClosedAfterEach();
    private LoggerContext context;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(pkiDir);
        pki.issueClient("web-3", CN);
    }

    @Test
    void jsonLinesWriteOneLinePerEvent() throws Exception {
        Path output = dir.resolve("received.log");
        int port = serve("auto", List.of("--output", output.toString(), "--pattern", PATTERN));
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("web-3"), port)) {
            client.write(json("message", "paid order 42\n" + FORGED, "logger_name", "com.example.Shop",
                    "level", "INFO") + "\n");
            client.write(json("message", "fields", "logger_name", "com.example\r\n" + FORGED, "thread_name",
                    "main\u001b[31m\u202e", "user", "eve\u2028x\u0085y\u200f", "level", "WARN", "stack_trace",
                    "java.lang.IllegalStateException: boom\n\tat com.example.Shop.pay(Shop.java:42)") + "\n");
            client.write(json("message", "colours \u001b[31mred\u001b[0m \u202eevil\u2066", "logger_name",
                    "com.example.Shop") + "\n");
            client.write(json("message", "end", "logger_name", "end.json") + "\n");
            awaitLine(output, "end.json");
        }

        String written = stopAndRead(output);
        ForgedLines.assertOneLinePerEvent(written, 4, CN);
        assertThat(written).contains("[receiver] com.example.Shop user= st= - " + PAID_42 + "\n",
                "WARN  [" + CN + "] [main\\u001b[31m\\u202e] com.example\\r\\n" + FORGED
                        + " user=eve\\u2028x\\u0085y\\u200f st=java.lang.IllegalStateException: boom\\n\\tat"
                        + " com.example.Shop.pay(Shop.java:42) - fields\n",
                " - colours \\u001b[31mred\\u001b[0m \\u202eevil\\u2066\n");
    }

    @Test
    void rfc5424OctetCountedFramesWriteOneLinePerEvent() throws Exception {
        Path output = dir.resolve("received.log");
        int port = serve("auto", List.of("--output", output.toString(), "--pattern", PATTERN));
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("web-3"), port)) {
            client.write(octetCounted("<14>1 - web-3 shop - com.example.Shop - paid order 42\n" + FORGED));
            client.write(octetCounted("<12>1 - web-3 shop - com.example.Shop [mdc@32473 thread=\"main\r\n" + FORGED
                    + "\" user=\"eve\u001b[31m\u202e\"] fields\u0085" + FORGED));
            client.write(octetCounted("<14>1 - web-3 shop - com.example.Shop - colours \u001b[31mred\u001b[0m"
                    + " \u202eevil\u2066\u2028"));
            client.write(octetCounted("<14>1 - web-3 shop - end.rfc5424 - end"));
            awaitLine(output, "end.rfc5424");
        }

        String written = stopAndRead(output);
        ForgedLines.assertOneLinePerEvent(written, 4, CN);
        assertThat(written).contains("[receiver] com.example.Shop user= st= - " + PAID_42 + "\n",
                "WARN  [" + CN + "] [main\\r\\n" + FORGED + "] com.example.Shop user=eve\\u001b[31m\\u202e st= -"
                        + " fields\\u0085" + FORGED + "\n",
                " - colours \\u001b[31mred\\u001b[0m \\u202eevil\\u2066\\u2028\n");
    }

    @Test
    void rfc5424NewlineFramesWriteOneLinePerEvent() throws Exception {
        Path output = dir.resolve("received.log");
        int port = serve("newline", List.of("--output", output.toString(), "--pattern", PATTERN));
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("web-3"), port)) {
            client.write("<14>1 - web-3 shop - com.example.Shop - paid order 42\r" + FORGED + "\n");
            // the LF ends the frame: the forged rest is a frame of its own, which is no event
            client.write("<14>1 - web-3 shop - com.example.Shop - paid order 43\n" + FORGED + "\n");
            client.write("<12>1 - web-3 shop - com.example.Shop [mdc@32473 thread=\"main\u0085" + FORGED
                    + "\" user=\"eve\u2028\u001b[2J\u202d\"] fields\u2029" + FORGED + "\n");
            client.write("<14>1 - web-3 shop - end.newline - end\n");
            awaitLine(output, "end.newline");
        }

        String written = stopAndRead(output);
        ForgedLines.assertOneLinePerEvent(written, 4, CN);
        assertThat(written).contains(" - paid order 42\\r" + FORGED + "\n", " - paid order 43\n",
                "WARN  [" + CN + "] [main\\u0085" + FORGED + "] com.example.Shop user=eve\\u2028\\u001b[2J\\u202d st= -"
                        + " fields\\u2029" + FORGED + "\n");
    }

    @Test
    void rfc3164MessagesWriteOneLinePerEvent() throws Exception {
        Path output = dir.resolve("received.log");
        int port = serve("auto", List.of("--output", output.toString(), "--pattern", PATTERN));
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("web-3"), port)) {
            client.write(octetCounted("<14>Oct 11 22:14:15 web-3 shop[123]: paid order 42\n" + FORGED));
            client.write(octetCounted("<14>Oct 11 22:14:15 web-3 shop: colours \u001b[31mred\u001b[0m \u202eevil\r\n"
                    + FORGED));
            client.write(octetCounted("<14>Oct 11 22:14:15 web-3 end3164: end"));
            awaitLine(output, "end3164");
        }

        String written = stopAndRead(output);
        ForgedLines.assertOneLinePerEvent(written, 3, CN);
        assertThat(written).contains("[receiver] shop user= st= - " + PAID_42 + "\n",
                "[receiver] shop user= st= - colours \\u001b[31mred\\u001b[0m \\u202eevil\\r\\n" + FORGED + "\n");
    }

    @Test
    void relpWritesOneLinePerEvent() throws Exception {
        Path output = dir.resolve("received.log");
        int port = serve("relp", List.of("--output", output.toString(), "--pattern", PATTERN));
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("web-3"), port)) {
            client.write(RawTlsClient.relp(1, "open", OPEN));
            assertThat(client.readRelp(30_000)).startsWith("1 rsp 200 OK");
            List<String> events = List.of(
                    "<14>1 - web-3 shop - com.example.Shop - paid order 42\n" + FORGED,
                    json("message", "paid order 43\n" + FORGED, "logger_name", "com.example\n" + FORGED,
                            "thread_name", "main\u202e"),
                    "<12>1 - web-3 shop - com.example.Shop [mdc@32473 thread=\"main\r\n" + FORGED
                            + "\" user=\"\u001b]0;pwned\u0007\"] fields",
                    "<14>1 - web-3 shop - end.relp - end");
            int txnr = 2;
            for (String event : events) {
                client.write(RawTlsClient.relp(txnr, "syslog", event));
                assertThat(client.readRelp(30_000)).isEqualTo(txnr + " rsp 200 OK");
                txnr++;
            }
            awaitLine(output, "end.relp");
        }

        String written = stopAndRead(output);
        ForgedLines.assertOneLinePerEvent(written, 4, CN);
        assertThat(written).contains("[receiver] com.example.Shop user= st= - " + PAID_42 + "\n",
                "[main\\u202e] com.example\\n" + FORGED + " user= st= - paid order 43\\n" + FORGED + "\n",
                "[main\\r\\n" + FORGED + "] com.example.Shop user=\\u001b]0;pwned\\u0007 st= - fields\n");
    }

    @Test
    void theEncryptedOutputsEncoderWritesOneLinePerEvent() throws Exception {
        HpkeIdentity reader = HpkeIdentity.of(X25519KeyPair.generate(new SecureRandom()));
        Path identity = Files.writeString(dir.resolve("reader.key"), reader.encode() + "\n");
        Path output = dir.resolve("vault").resolve("received.lse");
        int port = serve("relp", List.of("--output", output.toString(), "--recipient",
                reader.recipient().recipient()));
        try (RawTlsClient client = RawTlsClient.connect(pki, pki.client("web-3"), port)) {
            client.write(RawTlsClient.relp(1, "open", OPEN));
            assertThat(client.readRelp(30_000)).startsWith("1 rsp 200 OK");
            client.write(RawTlsClient.relp(2, "syslog", json("message", "paid order 42\n" + FORGED,
                    "logger_name", "com.example\u001b[2J\r\n" + FORGED)));
            assertThat(client.readRelp(30_000)).isEqualTo("2 rsp 200 OK");
        }
        context.stop();

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int code = Logcrypt.run(new String[] {"decrypt", "-i", identity.toString(), output.toString()},
                new PrintStream(plain, true, StandardCharsets.UTF_8), new PrintStream(report, true,
                        StandardCharsets.UTF_8));
        assertThat(code).as(report.toString(StandardCharsets.UTF_8)).isZero();
        String written = plain.toString(StandardCharsets.UTF_8);
        ForgedLines.assertOneLinePerEvent(written, 1, CN);
        assertThat(written).endsWith("[" + CN + "] com.example\\u001b[2J\\r\\n" + FORGED + " - " + PAID_42 + "\n");
    }

    /**
     * Configures a context from what {@code serve} generates for the PKI's receiver, {@code framing} and
     * {@code output} flags on a free port, and returns the port.
     */
    private int serve(String framing, List<String> output) throws Exception {
        List<String> args = new ArrayList<>(List.of("--address", "127.0.0.1", "--port", "0", "--certificate",
                pki.server().chain().toString(), "--private-key", pki.server().key().toString(),
                "--trusted-certificates", pki.caCert().toString(), "--allow-name", CN, "--framing", framing));
        args.addAll(output);
        String xml = ServeFlags.parse(args).toXml();
        assertThat(xml).contains("<encoder class=\"dev.logshield.redact.logback.RedactingPatternLayoutEncoder\">");
        context = cleanup.stop(new LoggerContext());
        context.setName("serve");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        context.start();
        MtlsReceiver receiver = ReceiverMain.listeners(context).stream().filter(MtlsReceiver.class::isInstance)
                .map(MtlsReceiver.class::cast).findFirst().orElseThrow();
        assertThat(receiver.isStarted()).as("started; %s", XmlConfiguredContext.errors(context)).isTrue();
        assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).noneMatch(w -> w.contains("forge lines"));
        return receiver.localPort();
    }

    private String stopAndRead(Path output) throws Exception {
        context.stop();
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static void awaitLine(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text))) {
            assertThat(System.nanoTime()).as("'%s' written to %s within %s", text, file, WAIT).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
