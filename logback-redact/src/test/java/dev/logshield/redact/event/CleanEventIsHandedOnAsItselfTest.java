package dev.logshield.redact.event;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** An event in which nothing matched is not copied: every consumer gets the very event the application logged. */
class CleanEventIsHandedOnAsItselfTest {

    @Test
    void cleanEventWithArgumentsMdcPairsAndThrowableIsItself() {
        ILoggingEvent clean = Events.withMdc("order {} shipped to {}", Map.of("traceId", "4bf92f3577b34da6", "user", "u-42"));
        assertThat(Events.view(clean)).isSameAs(clean);
        ILoggingEvent pairs = Events.withPairs("paid", new KeyValuePair("amount", 42), new KeyValuePair("currency", "EUR"));
        assertThat(Events.view(pairs)).isSameAs(pairs);
        ILoggingEvent failure = Events.withThrowable("failed", new IllegalStateException("pool exhausted",
                new RuntimeException("timeout after 30 s")));
        assertThat(Events.view(failure)).isSameAs(failure);
        ILoggingEvent args = Events.info("order {} for {} items", 42, "three");
        assertThat(Events.view(args)).isSameAs(args);
    }

    @Test
    void aViewOfTheSameEngineIsNotRedactedAgain() {
        ILoggingEvent dirty = Events.info("card {}", Events.CARD);
        ILoggingEvent view = Events.view(dirty);
        assertThat(view).isInstanceOf(RedactedEvent.class);
        assertThat(Events.view(view)).isSameAs(view);
        assertThat(((RedactedEvent) view).original()).isSameAs(dirty);
        assertThat(dirty.getFormattedMessage()).contains(Events.CARD); // the original is never changed
    }
}
