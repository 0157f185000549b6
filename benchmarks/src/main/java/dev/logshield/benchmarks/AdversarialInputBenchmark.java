package dev.logshield.benchmarks;

import dev.logshield.redact.engine.Redactor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The redaction engine, with every built-in detector on, on texts built to make a naive scanner quadratic
 * ({@link AdversarialInput}), at 64 KB and at 1 MB. Linear time shows as the same time per character at both sizes;
 * {@link AdversarialInputReport} prints the ratio.
 *
 * <pre>{@code benchmarks/run.sh AdversarialInputBenchmark
 * benchmarks/run.sh AdversarialInputBenchmark -p family=email,mixed}</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class AdversarialInputBenchmark {

    /** The scenario name in JMH's results. */
    static final String SCENARIO = "redactAdversarialInput";

    @Param({"pem", "jwt", "auth-header", "url-credentials", "provider-keys", "key-value", "credit-card", "iban", "ssn",
        "email", "ipv4", "ipv6", "mixed", "redaction-labels"})
    public String family;

    /** Characters: 64 KB and 1 MB. */
    @Param({"65536", "1048576"})
    public int size;

    private Redactor redactor;
    private String text;

    /**
     * Builds the text and proves it is timed as intended: exactly {@code size} characters, every built-in detector
     * on, no detector failing on it (the engine would then answer a constant, cheaply), and every canary masked,
     * which shows the family's detector read through the whole adversarial part.
     */
    @Setup(Level.Trial)
    public void setUp() {
        AdversarialInput input = AdversarialInput.of(family);
        String scenario = SCENARIO + " " + family + " " + size;
        text = input.text(size);
        if (text.length() != size) {
            throw new IllegalStateException(scenario + ": the text has " + text.length() + " characters");
        }
        redactor = RedactorBenchmark.everyBuiltInDetector(scenario);
        String out = redactor.redact(text);
        if (Redactor.FAILED.equals(out)) {
            throw new IllegalStateException(scenario + ": a detector failed on the text, the engine answered " + out);
        }
        SetupChecks.requireMasked(scenario, out, input.requiredMasks(), input.secrets());
    }

    @Benchmark
    public String redactAdversarialInput() {
        return redactor.redact(text);
    }
}
