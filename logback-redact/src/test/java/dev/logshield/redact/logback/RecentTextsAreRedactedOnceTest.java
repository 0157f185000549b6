package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.engine.Triggers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The same short text instance (a logger name, a thread name, an MDC value) is redacted once per thread and engine;
 * an equal but distinct text, another engine, or a long text is redacted again, and every answer is the engine's.
 */
class RecentTextsAreRedactedOnceTest {

    /** Counts the texts it is asked about: one whole-text call per redaction. */
    private static final class CountingDetector implements Detector {
        final AtomicInteger texts = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Triggers triggers() {
            return Triggers.WHOLE_TEXT;
        }

        @Override
        public int validate(CharSequence text, int at, Findings out) {
            texts.incrementAndGet();
            return text.length();
        }
    }

    private static Redactor engine(CountingDetector counting) {
        return Redactor.builder().rule(counting, Action.MASK)
                .rule(BuiltInDetectors.catalog().create("email", Map.of(), null), Action.MASK).build();
    }

    @Test
    void theSameInstanceIsRedactedOnce() {
        CountingDetector counting = new CountingDetector();
        Redactor r = engine(counting);
        RecentTexts recent = new RecentTexts();
        String logger = new String("com.example.checkout.PaymentService");
        String mdcValue = new String("alice@example.com");
        for (int event = 0; event < 100; event++) {
            for (String text : new String[] {logger, mdcValue}) {
                String known = recent.get(r, text);
                if (known == null) {
                    recent.put(r, text, r.redact(text));
                }
            }
        }
        assertThat(counting.texts).hasValue(2);
        assertThat(recent.get(r, mdcValue)).isEqualTo("[REDACTED:email]");
        assertThat(recent.get(r, logger)).isSameAs(logger);
    }

    @Test
    void anEqualTextAnotherEngineOrALongTextIsNotTakenForKnown() {
        CountingDetector counting = new CountingDetector();
        Redactor r = engine(counting);
        Redactor other = engine(new CountingDetector());
        RecentTexts recent = new RecentTexts();
        String value = new String("bob@example.com");
        recent.put(r, value, r.redact(value));

        assertThat(recent.get(r, new String("bob@example.com"))).isNull();
        assertThat(recent.get(other, value)).isNull();
        String longText = "x".repeat(RecentTexts.MAX_LENGTH) + " bob@example.com";
        recent.put(r, longText, r.redact(longText));
        assertThat(recent.get(r, longText)).isNull();
    }

    @Test
    void anotherEngineForgetsTheOldAnswers() {
        Redactor r = engine(new CountingDetector());
        Redactor reloaded = engine(new CountingDetector());
        RecentTexts recent = new RecentTexts();
        String value = new String("carol@example.com");
        recent.put(r, value, r.redact(value));
        recent.put(reloaded, "other", "other");

        assertThat(recent.get(r, value)).isNull();
    }
}
