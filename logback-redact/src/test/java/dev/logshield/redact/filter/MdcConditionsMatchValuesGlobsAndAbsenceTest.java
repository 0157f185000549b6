package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * MDC conditions: {@code mdc.KEY=VALUE} is exact and case-sensitive; globs take {@code *} (any run) and
 * {@code ?} (one character) and must match the whole value; {@code mdc.KEY!=GLOB} holds when the key is
 * missing; {@code mdc.KEY} alone holds when the key is present, even with an empty value.
 */
class MdcConditionsMatchValuesGlobsAndAbsenceTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private static void logWith(Logger log, String key, String value) {
        MDC.clear();
        if (value != null) {
            MDC.put(key, value);
        }
        log.info(key + "=" + value);
    }

    @Test
    void equalityGlobsNegationAndPresence() {
        try (LogbackHarness logback = LogbackHarness.configure("MdcConditionsMatchValuesGlobsAndAbsenceTest", dir)) {
            Logger t = logback.logger("t");          // deny mdc.tenant!=acme-*
            logWith(t, "tenant", "acme-eu");
            logWith(t, "tenant", "acme-");
            logWith(t, "tenant", "globex");
            logWith(t, "tenant", "ACME-eu");
            logWith(t, "tenant", null);
            Logger e = logback.logger("e");          // deny mdc.env=prod
            logWith(e, "env", "prod");
            logWith(e, "env", "PROD");
            logWith(e, "env", "prod2");
            logWith(e, "env", null);
            Logger g = logback.logger("g");          // deny mdc.user=?dmin*
            logWith(g, "user", "admin");
            logWith(g, "user", "xdmin-42");
            logWith(g, "user", "dmin");
            logWith(g, "user", "administrator");
            logWith(g, "user", "bob");
            Logger p = logback.logger("p");          // deny mdc.trace
            logWith(p, "trace", "abc");
            logWith(p, "trace", "");
            logWith(p, "trace", null);

            assertThat(logback.lines("out.log")).containsExactly(
                    "INFO t tenant=acme-eu", "INFO t tenant=acme-",
                    "INFO e env=PROD", "INFO e env=prod2", "INFO e env=null",
                    "INFO g user=dmin", "INFO g user=bob",
                    "INFO p trace=null");
            AccessControlTurboFilter filter = logback.filter();
            assertThat(filter.deniedBy("tenant")).isEqualTo(3);
            assertThat(filter.deniedBy("env")).isEqualTo(1);
            assertThat(filter.deniedBy("user")).isEqualTo(3);
            assertThat(filter.deniedBy("trace")).isEqualTo(2);
        }
    }
}
