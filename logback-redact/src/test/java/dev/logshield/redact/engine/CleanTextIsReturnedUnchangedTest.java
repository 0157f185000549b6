package dev.logshield.redact.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.policy.PolicyCompiler;
import dev.logshield.redact.policy.RedactionPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With every built-in detector on, ordinary log lines come back as the very same instance. */
class CleanTextIsReturnedUnchangedTest {

    private static final Redactor DEFAULTS =
            PolicyCompiler.compile(RedactionPolicy.empty(), BuiltInDetectors.catalog(), RedactionListener.NONE).redactor();

    @ParameterizedTest
    @ValueSource(strings = {
        "Application started in 3.412 seconds (process running for 4.1)",
        "GET /api/v2/orders?page=2&size=50 200 1532 bytes in 12 ms",
        "User 42 placed order 1234-5678 with 3 items, total=129.90 EUR",
        "Retrying request 3/5 after 250ms backoff, cause: timeout",
        "Loaded 1,234,567 rows from table customers in 00:01:23.456",
        "Cache hit ratio 0.97 for region eu-west-1, key=user:profile:42",
        "Version 1.2.3.4.5 deployed at 2026-11-25T10:11:12.123Z by ci",
        "Trace 3fa85f64-5717-4562-b3fc-2c963f66afa6 span 00f067aa0ba902b7",
        "Commit 9fceb02d0ae598e95dc970b74767f19372d61af8 built #4521",
        "Scheduled job ReportGenerator::run took 1534 ms (threshold 2000 ms)",
        "Thread pool stats: active=4, queued=0, completed=18234, max_tokens=4096",
        "com.acme.payments.internal.LedgerService initialised with 16 shards",
    })
    void ordinaryLinesAreNotTouched(String line) {
        assertThat(DEFAULTS.redact(line)).isSameAs(line);
    }
}
