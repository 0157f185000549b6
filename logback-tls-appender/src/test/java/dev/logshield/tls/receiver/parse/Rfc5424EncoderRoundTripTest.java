package dev.logshield.tls.receiver.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.logshield.tls.framing.CapturingAppender;
import dev.logshield.tls.framing.Rfc5424Encoder;
import dev.logshield.tls.testing.XmlConfiguredContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing (jqwik): any message, MDC, level and instant, encoded by our {@link Rfc5424Encoder} configured from
 * logback.xml, parses back to the same event, up to what the encoder documents it changes: trailing line breaks
 * removed, unpaired surrogates sent as {@code ?} (UTF-8 cannot carry them), MDC names cut to 32 characters with
 * {@code _} for each character RFC 5424 forbids in them (so two names may become one: the later in sorted order
 * wins), TRACE sent as DEBUG, the instant to the microsecond; and the receiver removing one leading BOM from the
 * message. Tries: see {@link AnyBytesNeverBreakTheEventParsersTest}.
 */
class Rfc5424EncoderRoundTripTest {

    private static LoggerContext context;
    private static Rfc5424Encoder encoder;

    private final Rfc5424Parser parser = new Rfc5424Parser();

    @BeforeContainer
    static void configure() {
        // the DEFAULT appender of this XML: facility local4, hostname web-1.example, appName shop, procId 4242, UTC
        context = XmlConfiguredContext.configure("Rfc5424EncoderOutputParsesBackTest", Map.of());
        encoder = (Rfc5424Encoder) ((CapturingAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("DEFAULT")).getEncoder();
    }

    @AfterContainer
    static void stop() {
        context.stop();
    }

    @Property
    void eventsComeBackAsEncoded(@ForAll("texts") String message, @ForAll("mdcs") Map<String, String> mdc,
                                 @ForAll("levels") Level level, @ForAll("instants") Instant instant)
            throws MalformedEventException {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger("com.acme.Shop"), level,
                message, null, null);
        event.setInstant(instant);
        event.setMDCPropertyMap(mdc);

        ParsedEvent parsed = parser.parse(encoder.encode(event));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("syslog.facility", "local4");
        expected.put("syslog.severity", Integer.toString(severity(level)));
        expected.put("syslog.hostname", "web-1.example");
        expected.put("syslog.appname", "shop");
        expected.put("syslog.procid", "4242");
        new TreeMap<>(mdc).forEach((k, v) -> expected.put(paramName(k), sent(v)));

        assertThat(parsed.level()).isEqualTo(level == Level.TRACE ? Level.DEBUG : level);
        assertThat(parsed.timestamp()).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
        assertThat(parsed.message()).isEqualTo(withoutLeadingBom(sent(withoutTrailingLineBreaks(message))));
        assertThat(parsed.fields()).isEqualTo(expected);
        assertThat(parsed.threadName()).isEqualTo(expected.get("thread"));
        assertThat(parsed.loggerName()).isEqualTo("shop");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("\"\\]=[ {}\n\r\t\uFEFFaé\uD83D\uDE00").ofMaxLength(60),
                Arbitraries.strings().ascii().ofMaxLength(80));
    }

    @Provide
    Arbitrary<Map<String, String>> mdcs() {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(10),
                Arbitraries.of("thread", "user", "a b", "a=b", "x]\"y"));
        return Arbitraries.maps(keys, texts()).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Level> levels() {
        return Arbitraries.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        return Arbitraries.oneOf(
                seconds.flatMap(s -> Arbitraries.integers().between(0, 999_999_999)
                        .map(n -> Instant.ofEpochSecond(s, n))),
                Arbitraries.of(Instant.parse("2026-11-25T10:11:12.123456789Z"), Instant.EPOCH,
                        Instant.parse("2024-02-29T23:59:59.999999999Z")));
    }

    private static int severity(Level level) {
        return level == Level.ERROR ? 3 : level == Level.WARN ? 4 : level == Level.INFO ? 6 : 7;
    }

    /** RFC 5424 PARAM-NAME as the encoder documents it: cut to 32, {@code _} for forbidden characters. */
    private static String paramName(String key) {
        if (key.isEmpty()) {
            return "_";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(key.length(), 32); i++) {
            char c = key.charAt(i);
            sb.append(c >= 33 && c <= 126 && c != '=' && c != ']' && c != '"' ? c : '_');
        }
        return sb.toString();
    }

    /** What survives UTF-8: unpaired surrogates become {@code ?}. */
    private static String sent(String text) {
        return new String(text.getBytes(UTF_8), UTF_8);
    }

    private static String withoutTrailingLineBreaks(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String withoutLeadingBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
