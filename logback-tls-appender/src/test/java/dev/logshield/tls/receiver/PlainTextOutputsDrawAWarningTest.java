package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.status.Status;
import dev.logshield.tls.testing.ClosedAfterEach;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver that feeds a text output whose encoder writes client messages as sent adds one status WARN for it when
 * it starts, naming the appender, the risk and the encoder to use: a plain {@code PatternLayoutEncoder}, a plain
 * layout in a {@code LayoutWrappingEncoder}, {@code RedactingPatternLayoutEncoder} with
 * {@code <neutralize>false</neutralize>}, and plain encoders behind an {@code AsyncAppender} or a
 * {@code RedactingAppender} (which redacts but does not neutralise), on any logger. The redacting, neutralising
 * encoder and layout, JSON encoders (LogShield's, logstash's, Logback's) and appenders that are not text outputs
 * draw none. Configured from XML, the receiver starts before Joran attaches the appenders and checks them when the
 * configuration ends; embedded and started after its appenders, it checks them at once.
 */
class PlainTextOutputsDrawAWarningTest {

    private static final String NAME = "PlainTextOutputsDrawAWarningTest";

    @TempDir
    Path dir;
    @RegisterExtension
    final ClosedAfterEach cleanup = new ClosedAfterEach();
    private LoggerContext context;

    @Test
    void eachPlainTextOutputIsNamedInAWarning() {
        List<String> warnings = startedWarnings("plain");

        assertThat(warnings).filteredOn(w -> w.contains("may forge lines")).hasSize(5);
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("MtlsReceiver: appender [PLAIN] writes received"
                + " events as text and its encoder ch.qos.logback.classic.encoder.PatternLayoutEncoder (layout"
                + " ch.qos.logback.classic.PatternLayout) writes them as sent: messages from clients may forge lines")
                .endsWith("use <encoder class=\"dev.logshield.redact.logback.RedactingPatternLayoutEncoder\"> with the"
                        + " same <pattern> (it redacts and neutralises), or a JSON encoder"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("MtlsReceiver: appender [LAYOUT] ")
                .contains("ch.qos.logback.core.encoder.LayoutWrappingEncoder (layout ch.qos.logback.classic.PatternLayout)"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("MtlsReceiver: appender [NOT_NEUTRALIZING] ")
                .contains("has <neutralize>false</neutralize>").endsWith("remove <neutralize>false</neutralize>"));
        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .startsWith("MtlsReceiver: appender [BEHIND_ASYNC] (inside [ASYNC]) writes received events as text"));
        assertThat(warnings).anySatisfy(w -> assertThat(w)
                .startsWith("MtlsReceiver: appender [BEHIND_REDACTING] (inside [REDACTING]) writes received events"));
    }

    @Test
    void neutralizingAndJsonOutputsDrawNone() {
        assertThat(startedWarnings("neutralizing")).isEmpty();
    }

    @Test
    void anEmbeddedReceiverStartedAfterItsAppendersWarnsAtOnce() {
        context = cleanup.stop(new LoggerContext());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName("EMBEDDED");
        file.setFile(dir.resolve("embedded.log").toString());
        file.setEncoder(encoder);
        file.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
        TestPki pki = SharedPki.get();
        MtlsReceiver receiver = new MtlsReceiver();
        receiver.setContext(context);
        receiver.setAddress("127.0.0.1");
        receiver.setPort(0);
        receiver.setCertificate(pki.server().chain().toString());
        receiver.setPrivateKey(pki.server().key().toString());
        receiver.setTrustedCertificates(pki.caCert().toString());
        receiver.addAllowedName("client1.test");
        receiver.setMetricsRegistry("none");
        receiver.start();
        try {
            assertThat(receiver.isStarted()).as("%s", XmlConfiguredContext.errors(context)).isTrue();
            assertThat(XmlConfiguredContext.statuses(context, Status.WARN)).singleElement().asString()
                    .startsWith("MtlsReceiver: appender [EMBEDDED] writes received events as text");
        } finally {
            receiver.stop();
        }
    }

    private List<String> startedWarnings(String variant) {
        context = cleanup.stop(ReceiverContexts.configure(NAME + "-" + variant, SharedPki.get(),
                Map.of("dir", dir.toString())));
        ReceiverContexts.startedReceiver(context);
        return XmlConfiguredContext.statuses(context, Status.WARN);
    }
}
