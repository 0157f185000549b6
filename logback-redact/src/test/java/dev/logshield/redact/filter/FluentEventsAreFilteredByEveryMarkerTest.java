package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * SLF4J 2 fluent-API events reach the filter through {@code decide(Logger, LoggingEvent)} with all their
 * markers: a denied marker in second place (Logback's default implementation looks only at the first) or
 * nested in another still denies the event, and MDC rules apply to fluent events too.
 */
class FluentEventsAreFilteredByEveryMarkerTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void everyMarkerOfAFluentEventIsChecked() {
        Marker secret = MarkerFactory.getDetachedMarker("SECRET");
        Marker other = MarkerFactory.getDetachedMarker("OTHER");
        Marker wrapper = MarkerFactory.getDetachedMarker("WRAPPER");
        wrapper.add(secret);

        try (LogbackHarness logback = LogbackHarness.configure("FluentEventsAreFilteredByEveryMarkerTest", dir)) {
            Logger log = logback.logger("fluent");
            log.atInfo().addMarker(other).addMarker(secret).addKeyValue("card", "4111").log("second marker");
            log.atInfo().addMarker(wrapper).addKeyValue("k", "v").log("nested marker");
            log.atInfo().addMarker(other).addKeyValue("k", "v").log("kept with {}", "argument");
            log.atWarn().log("no marker");
            LoggingEventBuilder builder = log.atError(); // enabled: no MDC yet
            MDC.put("block", "yes");
            builder.addMarker(other).log("blocked by mdc when logged");

            assertThat(logback.lines("out.log")).containsExactly(
                    "INFO fluent kept with argument", "WARN fluent no marker");
            assertThat(logback.filter().deniedBy("secret")).isEqualTo(2);
            assertThat(logback.filter().deniedBy("blocked")).isEqualTo(1);
        }
    }
}
