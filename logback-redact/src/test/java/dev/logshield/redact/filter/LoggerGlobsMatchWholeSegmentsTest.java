package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In logger globs {@code *} is exactly one name segment, {@code **} any number of segments including none, and
 * names without wildcards match exactly; a glob never matches part of a segment.
 */
class LoggerGlobsMatchWholeSegmentsTest {

    @TempDir
    Path dir;

    @Test
    void starIsOneSegmentAndDoubleStarIsAnyNumber() {
        List<String> denied = List.of(
                "com.acme.Foo",                       // com.acme.*
                "org.demo", "org.demo.a", "org.demo.a.b.C", // org.demo.**
                "net.example.Exact",                  // exact
                "io.internal", "io.a.internal", "io.a.b.internal", // io.**.internal
                "a.b.secret", "a.b.secret.c.D");      // *.*.secret.**
        List<String> kept = List.of(
                "com.acme", "com.acme.a.Foo", "com.acmex.Foo", "xcom.acme.Foo",
                "org.demox", "org.demox.a", "org",
                "net.example.Exact2", "net.example.Exact.Inner", "net.example",
                "io.a.internal.X", "io.internalx", "xio.internal",
                "a.secret", "a.b.c.secret", "a.b.secrets");
        try (LogbackHarness logback = LogbackHarness.configure("LoggerGlobsMatchWholeSegmentsTest", dir)) {
            denied.forEach(name -> logback.logger(name).info("x"));
            kept.forEach(name -> logback.logger(name).info("x"));

            assertThat(logback.lines("out.log")).containsExactlyElementsOf(
                    kept.stream().map(name -> "INFO " + name + " x").toList());
            AccessControlTurboFilter filter = logback.filter();
            assertThat(filter.deniedBy("one")).isEqualTo(1);
            assertThat(filter.deniedBy("tree")).isEqualTo(3);
            assertThat(filter.deniedBy("exact")).isEqualTo(1);
            assertThat(filter.deniedBy("middle")).isEqualTo(3);
            assertThat(filter.deniedBy("around")).isEqualTo(2);
        }
    }
}
