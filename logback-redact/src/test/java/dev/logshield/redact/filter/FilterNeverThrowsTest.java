package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.Status;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.DefaultLoggingEvent;
import org.slf4j.helpers.BasicMDCAdapter;

/**
 * The filter never throws into the application: a failing MDC adapter, a failing marker, a null logger, a null
 * level or a null event give DENY (fail closed), are counted under {@code internal-error} and are reported as a
 * status error at most once a minute; the events it can evaluate are unaffected.
 */
class FilterNeverThrowsTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aFailingMdcAdapterDeniesAndIsReportedOnce() {
        BasicMDCAdapter broken = new BasicMDCAdapter() {
            @Override
            public String get(String key) {
                throw new IllegalStateException("broken MDC adapter");
            }
        };
        try (LogbackHarness logback = LogbackHarness.configure("FilterNeverThrowsTest", dir, broken)) {
            assertThatCode(() -> {
                logback.logger("safe.Service").info("rule 1 decides before any MDC read");
                logback.logger("other").info("one");
                logback.logger("other").info("two");
                logback.logger("other").atInfo().log("three");
            }).doesNotThrowAnyException();

            assertThat(logback.lines("out.log")).containsExactly("INFO safe.Service rule 1 decides before any MDC read");
            assertThat(logback.filter().deniedBy("internal-error")).isEqualTo(3);
            assertThat(logback.statusMessages(Status.ERROR)).singleElement().satisfies(m -> assertThat(m)
                    .contains("denied it (fail closed)").contains("broken MDC adapter"));
        }
    }

    @Test
    void aFailingMarkerDenies() {
        MDC.put("tenant", "acme"); // so that rule 2 does not match and rule 3 reads the marker
        try (LogbackHarness logback = LogbackHarness.configure("FilterNeverThrowsTest", dir)) {
            assertThatCode(() -> logback.logger("other").info(new FailingMarker(), "hostile marker"))
                    .doesNotThrowAnyException();
            logback.logger("other").info("kept");

            assertThat(logback.lines("out.log")).containsExactly("INFO other kept");
            assertThat(logback.filter().deniedBy("internal-error")).isEqualTo(1);
        }
    }

    @Test
    void nullArgumentsGiveADecisionNotAnException() {
        MDC.put("tenant", "acme");
        try (LogbackHarness logback = LogbackHarness.configure("FilterNeverThrowsTest", dir)) {
            AccessControlTurboFilter filter = logback.filter();
            // no logger: logger conditions see no name; nothing matches, so the default (neutral) applies
            assertThat(filter.decide(null, null, Level.INFO, null, null, null)).isEqualTo(FilterReply.NEUTRAL);
            assertThat(filter.decide(null, null, null, null, null, null)).isEqualTo(FilterReply.DENY);
            assertThat(filter.decide(null, null)).isEqualTo(FilterReply.DENY);
            assertThat(filter.decide(null, new DefaultLoggingEvent(null, null))).isEqualTo(FilterReply.DENY);
            // no Logback logger: the name comes from the event...
            assertThat(filter.decide(null, new DefaultLoggingEvent(org.slf4j.event.Level.INFO,
                    logback.logger("other")))).isEqualTo(FilterReply.NEUTRAL);
            // ...whose getLoggerName() throws when it has no logger either
            assertThat(filter.decide(null, new DefaultLoggingEvent(org.slf4j.event.Level.INFO, null)))
                    .isEqualTo(FilterReply.DENY);
            assertThat(filter.deniedBy("internal-error")).isEqualTo(4);
        }
    }

    /** A third-party marker that fails however it is asked. */
    private static final class FailingMarker implements Marker {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            throw new UnsupportedOperationException("hostile");
        }

        @Override
        public void add(Marker reference) {
            throw new UnsupportedOperationException("hostile");
        }

        @Override
        public boolean remove(Marker reference) {
            throw new UnsupportedOperationException("hostile");
        }

        @Override
        @Deprecated
        public boolean hasChildren() {
            throw new UnsupportedOperationException("hostile");
        }

        @Override
        public boolean hasReferences() {
            throw new UnsupportedOperationException("hostile");
        }

        @Override
        public Iterator<Marker> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public boolean contains(Marker other) {
            throw new UnsupportedOperationException("hostile");
        }

        @Override
        public boolean contains(String name) {
            throw new UnsupportedOperationException("hostile");
        }
    }
}
