package dev.logshield.tls.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * MDC entries (sorted by key) then key-value pairs (in order) become the parameters of one SD element: in values
 * {@code "}, {@code \} and {@code ]} are escaped and non-ASCII text stays UTF-8; parameter names lose every
 * character RFC 5424 forbids ({@code =}, space, {@code ]}, {@code "}, non-ASCII) to {@code _} and are cut to 32;
 * the SD-ID is configurable; without parameters STRUCTURED-DATA is the NILVALUE {@code -}.
 */
class StructuredDataIsEscapedTest {

    private static final String HEADER = "<14>1 2026-11-25T10:11:12.123456Z h a 1 - ";

    private final LogbackXml logback = LogbackXml.configure(getClass(), Map.of());

    @AfterEach
    void close() {
        logback.close();
    }

    private ILoggingEvent hostileEvent() {
        Map<String, String> mdc = new HashMap<>();
        mdc.put("user", "bob");
        mdc.put("quote", "say \"hi\"");
        mdc.put("path", "C:\\temp");
        mdc.put("bracket", "a]b[c");
        mdc.put("name with=eq]\"", "x");
        mdc.put("ünï", "grüße 日本 \uD83D\uDE00");
        mdc.put("abcdefghijklmnopqrstuvwxyz0123456789", "long");
        mdc.put("empty", "");
        return logback.event("l", Level.INFO, "msg", null, mdc,
                new KeyValuePair("order", 7), new KeyValuePair("note", "a]\"\\"), new KeyValuePair("nothing", null));
    }

    @Test
    void valuesAreEscapedAndNamesSanitised() {
        String expected = HEADER + "[mdc@32473"
                + " abcdefghijklmnopqrstuvwxyz012345=\"long\""
                + " bracket=\"a\\]b[c\""
                + " empty=\"\""
                + " name_with_eq__=\"x\""
                + " path=\"C:\\\\temp\""
                + " quote=\"say \\\"hi\\\"\""
                + " user=\"bob\""
                + " _n_=\"grüße 日本 \uD83D\uDE00\""
                + " order=\"7\""
                + " note=\"a\\]\\\"\\\\\""
                + " nothing=\"null\""
                + "] msg";
        assertThat(logback.encoder("DEFAULT").encode(hostileEvent())).isEqualTo(expected.getBytes(UTF_8));
    }

    @Test
    void theElementIdIsConfigurable() {
        ILoggingEvent event = logback.event("l", Level.INFO, "msg", null, Map.of("user", "bob"));
        assertThat(text("CUSTOM_ID", event)).isEqualTo(HEADER + "[shopCtx@32473.1 user=\"bob\"] msg");
    }

    @Test
    void mdcAndKeyValuesCanEachBeLeftOut() {
        ILoggingEvent event = logback.event("l", Level.INFO, "msg", null, Map.of("user", "bob"),
                new KeyValuePair("order", "7"));
        assertThat(text("DEFAULT", event)).isEqualTo(HEADER + "[mdc@32473 user=\"bob\" order=\"7\"] msg");
        assertThat(text("NO_MDC", event)).isEqualTo(HEADER + "[mdc@32473 order=\"7\"] msg");
        assertThat(text("NO_KEY_VALUES", event)).isEqualTo(HEADER + "[mdc@32473 user=\"bob\"] msg");
        assertThat(text("NONE", event)).isEqualTo(HEADER + "- msg");
    }

    @Test
    void noParametersGiveTheNilValue() {
        ILoggingEvent event = logback.event("l", Level.INFO, "msg", null, Map.of());
        assertThat(text("DEFAULT", event)).isEqualTo(HEADER + "- msg");
        assertThat(text("NO_MDC", logback.event("l", Level.INFO, "msg", null, Map.of("user", "bob"))))
                .isEqualTo(HEADER + "- msg");
    }

    private String text(String appender, ILoggingEvent event) {
        return new String(logback.encoder(appender).encode(event), UTF_8);
    }
}
