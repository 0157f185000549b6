package dev.logshield.tls.receiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors exit 2 with the usage text; configurations that leave no receiver running exit 3 after printing
 * every reason; neither waits for a stop signal.
 */
class ServeRefusesWhatCannotWorkTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReceiverMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new CountDownLatch(1), false);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsPrintsTheUsage() {
        assertThat(run()).isEqualTo(ReceiverMain.EXIT_USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve --config receiver.xml");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("listen")).isEqualTo(ReceiverMain.EXIT_USAGE);
        assertThat(err()).contains("unknown command 'listen'", "usage:");
    }

    @Test
    void flagsWithoutAPortAreAUsageError() {
        assertThat(run("serve", "--certificate", "a.pem")).isEqualTo(ReceiverMain.EXIT_USAGE);
        assertThat(err()).contains("give --config FILE, or at least --port");
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThat(run("serve", "--port", "6514", "--allow-everyone", "x")).isEqualTo(ReceiverMain.EXIT_USAGE);
        assertThat(err()).contains("unknown option --allow-everyone");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThat(run("serve", "--port")).isEqualTo(ReceiverMain.EXIT_USAGE);
        assertThat(err()).contains("--port needs a value");
    }

    @Test
    void aConfigFileExcludesTheOtherFlags() {
        assertThat(run("serve", "--config", "r.xml", "--port", "1")).isEqualTo(ReceiverMain.EXIT_USAGE);
        assertThat(err()).contains("--config excludes the other options");
    }

    @Test
    void aRecipientNeedsAnOutputFile() {
        assertThat(run("serve", "--port", "1", "--recipient", "age1x")).isEqualTo(ReceiverMain.EXIT_USAGE);
        assertThat(err()).contains("--recipient encrypts a file: give --output FILE");
    }

    @Test
    void aMissingConfigFileExitsThree() {
        assertThat(run("serve", "--config", dir.resolve("absent.xml").toString())).isEqualTo(ReceiverMain.EXIT_CONFIG);
        assertThat(err()).contains("absent.xml does not exist or is not readable");
    }

    @Test
    void aConfigWithoutAReceiverExitsThree() throws Exception {
        Path config = Files.writeString(dir.resolve("receiver.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        assertThat(run("serve", "--config", config.toString())).isEqualTo(ReceiverMain.EXIT_CONFIG);
        assertThat(err()).contains("no receiver configured", "<contextListener class=\"dev.logshield.tls.receiver.MtlsReceiver\">");
    }

    @Test
    void aReceiverThatCannotStartExitsThreeAndSaysWhy() {
        assertThat(run("serve", "--port", "0", "--certificate", dir.resolve("missing.pem").toString(),
                "--private-key", dir.resolve("missing.key").toString(), "--trusted-certificates",
                dir.resolve("ca.pem").toString(), "--allow-name", "client1.test")).isEqualTo(ReceiverMain.EXIT_CONFIG);
        assertThat(err()).contains("ERROR", "missing.pem", "the receiver did not start");
    }

    @Test
    void flagValuesAreEscapedIntoTheGeneratedConfiguration() {
        ServeFlags flags = ServeFlags.parse(java.util.List.of("--port", "6514", "--allow-subject",
                "CN=a&b,O=\"<x>\"", "--output", "out.log"));
        assertThat(flags.toXml()).contains("<allowedSubject>CN=a&amp;b,O=&quot;&lt;x&gt;&quot;</allowedSubject>",
                "<file>out.log</file>", "<port>6514</port>");
    }

    @Test
    void revocationListsOfEveryCaOfTheChainBecomeOneElementEach() {
        ServeFlags flags = ServeFlags.parse(java.util.List.of("--port", "6514", "--revocation-list", "root.crl",
                "--revocation-list", "issuing.crl", "--revocation-soft-fail"));
        assertThat(flags.toXml()).contains("<revocationList>root.crl</revocationList>",
                "<revocationList>issuing.crl</revocationList>", "<revocationSoftFail>true</revocationSoftFail>");
    }
}
