package dev.logshield.redact.event;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.logshield.redact.engine.Redactor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** MDC and key-value pairs are redacted by value and by name; a failure withholds the event's data. */
class PartsOfTheEventAreRedactedTest {

    @Test
    void mdcValuesAreRedactedAndSensitiveNamesMaskedWhole() {
        ILoggingEvent view = Events.view(Events.withMdc("hello", Map.of("password", "hunter2", "note",
                "mail " + Events.EMAIL, "traceId", "4bf92f3577b34da6")));
        Map<String, String> mdc = view.getMDCPropertyMap();
        assertThat(mdc.get("password")).doesNotContain("hunter2");
        assertThat(mdc.get("note")).isEqualTo("mail [REDACTED:email]");
        assertThat(mdc.get("traceId")).isEqualTo("4bf92f3577b34da6");
        assertThat(view.getMdc()).isEqualTo(mdc);
    }

    @Test
    void keyValuePairsAreRedactedWhateverTheirType() {
        ILoggingEvent view = Events.view(Events.withPairs("paid", new KeyValuePair("password", "hunter2"),
                new KeyValuePair("card", Long.valueOf(Events.CARD)), new KeyValuePair("amount", 42)));
        List<KeyValuePair> pairs = view.getKeyValuePairs();
        assertThat(pairs.get(0).value).asString().doesNotContain("hunter2");
        assertThat(pairs.get(1).value).asString().doesNotContain(Events.CARD);
        assertThat(pairs.get(2).value).isEqualTo(42);
    }

    @Test
    void aFailingRedactionWithholdsEverythingAndIsReported() {
        ILoggingEvent hostile = Events.withMdc("hello " + Events.EMAIL, new Map<>() {
            // an MDC map that explodes while being read
            @Override public int size() { return 1; }
            @Override public boolean isEmpty() { return false; }
            @Override public boolean containsKey(Object key) { return false; }
            @Override public boolean containsValue(Object value) { return false; }
            @Override public String get(Object key) { throw new IllegalStateException("boom"); }
            @Override public String put(String key, String value) { return null; }
            @Override public String remove(Object key) { return null; }
            @Override public void putAll(Map<? extends String, ? extends String> m) { }
            @Override public void clear() { }
            @Override public java.util.Set<String> keySet() { return java.util.Set.of("user"); }
            @Override public java.util.Collection<String> values() { throw new IllegalStateException("boom"); }
            @Override public java.util.Set<Entry<String, String>> entrySet() { throw new IllegalStateException("boom"); }
        });
        AtomicReference<Throwable> reported = new AtomicReference<>();
        ILoggingEvent view = EventRedactor.redact(hostile, Events.BUILT_INS, reported::set);
        assertThat(reported.get()).hasMessage("boom");
        assertThat(view.getFormattedMessage()).isEqualTo(Redactor.FAILED);
        assertThat(view.getMessage()).isEqualTo(Redactor.FAILED);
        assertThat(view.getArgumentArray()).isNull();
        assertThat(view.getMDCPropertyMap()).containsEntry("user", Redactor.FAILED);
        assertThat(view.getLevel()).isEqualTo(hostile.getLevel());
    }
}
