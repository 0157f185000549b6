package dev.logshield.tls.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * With {@code <sequenceIds>}, every encoded event carries {@code [logshield@32473 seq="n" origin="..."]} after the
 * MDC element: seq counts from 1 per encoder, also across threads (no number twice, none skipped), origin is 16
 * random hex digits per encoder instance, and {@code lastSequence()} gives the last number handed out.
 */
class SequenceIdsNumberEveryEventTest {

    private static final Pattern SEQ = Pattern.compile("\\[logshield@32473 seq=\"(\\d+)\" origin=\"([0-9a-f]{16})\"]");

    private final LogbackXml logback = LogbackXml.configure(getClass(), Map.of());

    @AfterEach
    void close() {
        logback.close();
    }

    @Test
    void eventsAreNumberedFromOneUnderTheEncodersOrigin() {
        Rfc5424Encoder a = logback.encoder("A");
        assertThat(a.lastSequence()).isZero();
        String first = new String(a.encode(logback.event("l", Level.INFO, "one", null, Map.of("u", "b"),
                new KeyValuePair("k", "v"))), UTF_8);
        assertThat(first).isEqualTo("<14>1 2026-11-25T10:11:12.123456Z h a 1 - [mdc@32473 u=\"b\" k=\"v\"]"
                + "[logshield@32473 seq=\"1\" origin=\"" + a.origin() + "\"] one");
        String second = new String(a.encode(logback.event("l", Level.INFO, "two", null, Map.of())), UTF_8);
        assertThat(second).isEqualTo("<14>1 2026-11-25T10:11:12.123456Z h a 1 - "
                + "[logshield@32473 seq=\"2\" origin=\"" + a.origin() + "\"] two");
        assertThat(a.lastSequence()).isEqualTo(2);
        assertThat(a.origin()).matches("[0-9a-f]{16}").isNotEqualTo(logback.encoder("B").origin());
    }

    @Test
    void concurrentEncodingNeverRepeatsOrSkipsANumber() throws Exception {
        Rfc5424Encoder a = logback.encoder("A");
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        String out = new String(a.encode(logback.event("l", Level.INFO, "x", null, Map.of())), UTF_8);
                        Matcher m = SEQ.matcher(out);
                        assertThat(m.find()).as(out).isTrue();
                        assertThat(m.group(2)).isEqualTo(a.origin());
                        assertThat(seen.add(Long.parseLong(m.group(1)))).as("seq %s twice", m.group(1)).isTrue();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        assertThat(seen).hasSize(8_000);
        assertThat(seen.stream().mapToLong(Long::longValue).min().orElseThrow()).isEqualTo(1);
        assertThat(seen.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(8_000);
        assertThat(a.lastSequence()).isEqualTo(8_000);
    }
}
