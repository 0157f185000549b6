package dev.logshield.benchmarks;

import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.policy.PolicyCompiler;
import dev.logshield.redact.policy.RedactionPolicy;
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
 * The redaction engine alone, with every built-in detector on, on the already formatted messages. The engine
 * keeps no memo (that lives in the Logback adapter), so redacting the same instance every time is real work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class RedactorBenchmark {

    @Param({"clean", "oneSecret", "twoSecrets"})
    public String kind;

    private Redactor redactor;
    private String message;

    @Setup(Level.Trial)
    public void setUp() {
        MessageKind k = MessageKind.of(kind);
        EventFactory events = new EventFactory(k);
        message = events.formattedMessage();
        events.stop();
        redactor = everyBuiltInDetector("redactorOnly");
        String out = redactor.redact(message);
        if (k.hasSecrets()) {
            SetupChecks.requireMasked("redactorOnly", out, k, k.redactionLabels());
        } else if (out != message) {
            throw new IllegalStateException("redactorOnly: a clean message must come back as the same instance, got " + out);
        }
    }

    /** The engine as LogShield's defaults compile it: every built-in detector on, checked. */
    static Redactor everyBuiltInDetector(String scenario) {
        Redactor redactor = PolicyCompiler.compile(RedactionPolicy.empty(), BuiltInDetectors.catalog(), RedactionListener.NONE)
                .redactor();
        if (redactor.rules().size() != BuiltInDetectors.catalog().names().size()) {
            throw new IllegalStateException(scenario + ": expected every built-in detector on, got " + redactor.rules());
        }
        return redactor;
    }

    @Benchmark
    public String redactorOnly() {
        return redactor.redact(message);
    }
}
