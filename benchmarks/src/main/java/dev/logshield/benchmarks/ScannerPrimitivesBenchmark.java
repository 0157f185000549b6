package dev.logshield.benchmarks;

import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The primitives the engine's single pass is built from, and what each family of detectors costs on the clean line,
 * measured side by side: the choices in {@code CandidateScanner} rest on these numbers (see benchmarks/README.md).
 *
 * <ul>
 *   <li>finding a character: {@link String#indexOf(int, int)} (vectorised by the JVM) against a per-character loop;</li>
 *   <li>finding digits: eight bytes at a time as a {@code long} against a per-character loop;</li>
 *   <li>the engine with one family of detectors at a time, and with none.</li>
 * </ul>
 * Run alone with {@code benchmarks/run.sh ScannerPrimitivesBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ScannerPrimitivesBenchmark {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private String line;
    private final byte[] bytes = new byte[4096 + 8];
    private Redactor noDetector;
    private Redactor keyValues;
    private Redactor digitFamilies;
    private Redactor dashPrefixed;
    private Redactor email;
    private Redactor everyDetector;

    @Setup
    public void setUp() {
        EventFactory events = new EventFactory(MessageKind.CLEAN);
        line = events.formattedMessage();
        events.stop();
        noDetector = Redactor.builder().build();
        keyValues = engine("secret");
        digitFamilies = engine("credit-card", "ssn", "iban");
        dashPrefixed = engine("slack-token", "openai-key", "generic-token", "private-key");
        email = engine("email");
        everyDetector = engine(BuiltInDetectors.catalog().names().toArray(new String[0]));
        if (everyDetector.redact(line) != line) {
            throw new IllegalStateException("the clean line must come back as the same instance");
        }
    }

    private static Redactor engine(String... names) {
        Redactor.Builder b = Redactor.builder();
        for (String n : names) {
            b.rule(BuiltInDetectors.catalog().create(n, Map.of(), null), Action.MASK);
        }
        return b.build();
    }

    @Benchmark
    public int equalsByIndexOf() {
        int sum = 0;
        for (int i = line.indexOf('='); i >= 0; i = line.indexOf('=', i + 1)) {
            sum += i;
        }
        return sum;
    }

    @Benchmark
    public int equalsByLoop() {
        int sum = 0;
        for (int i = 0, n = line.length(); i < n; i++) {
            if (line.charAt(i) == '=') {
                sum += i;
            }
        }
        return sum;
    }

    @Benchmark
    @SuppressWarnings("deprecation")
    public int digitsEightAtATime() {
        int n = line.length();
        line.getBytes(0, n, bytes, 0);
        int words = (n + 7) >>> 3;
        for (int i = n; i < words << 3; i++) {
            bytes[i] = 0;
        }
        int digits = 0;
        for (int w = 0; w < words; w++) {
            long word = (long) LONGS.get(bytes, w << 3);
            long low = word & 0x7F7F7F7F7F7F7F7FL;
            digits += Long.bitCount((low + 0x5050505050505050L) & ~(low + 0x4646464646464646L) & ~word & 0x8080808080808080L);
        }
        return digits;
    }

    @Benchmark
    public int digitsByLoop() {
        int digits = 0;
        for (int i = 0, n = line.length(); i < n; i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    @Benchmark
    public String engineWithNoDetector() {
        return noDetector.redact(line);
    }

    @Benchmark
    public String engineKeyValues() {
        return keyValues.redact(line);
    }

    @Benchmark
    public String engineDigitFamilies() {
        return digitFamilies.redact(line);
    }

    @Benchmark
    public String engineDashPrefixedKeys() {
        return dashPrefixed.redact(line);
    }

    @Benchmark
    public String engineEmail() {
        return email.redact(line);
    }

    @Benchmark
    public String engineEveryDetector() {
        return everyDetector.redact(line);
    }
}
