package dev.logshield.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The adversarial input report gives, per family, the time per character at the run's smallest and largest size and
 * their ratio, and flags a family whose ratio is above 2 as NOT LINEAR.
 */
class AdversarialInputReportFlagsWhatIsNotLinearTest {

    private static JmhResult result(String family, int size, double nsPerOp, double bytesPerOp) {
        return new JmhResult(AdversarialInputBenchmark.SCENARIO, Map.of("family", family, "size", Integer.toString(size)),
                nsPerOp, nsPerOp / 100, bytesPerOp, 0);
    }

    @Test
    void aFamilyWhoseTimePerCharacterGrowsWithTheSizeIsNotLinear() {
        List<JmhResult> results = List.of(
                result("email", 65_536, 131_072, 65_536), // 2 ns/char
                result("email", 1_048_576, 2_306_867, 1_048_576), // 2.2 ns/char: ratio 1.1
                result("redaction-labels", 65_536, 65_536, 0), // 1 ns/char
                result("redaction-labels", 1_048_576, 16_777_216, 0)); // 16 ns/char: quadratic

        String report = new AdversarialInputReport(results).render();

        assertThat(report)
                .contains("| family | µs/op at 64 KB | µs/op at 1 MB | ns/char at 64 KB | ns/char at 1 MB"
                        + " | ratio (1 MB / 64 KB per char) | B/char at 1 MB | |")
                .contains("| email | 131.1 ± 1.3 | 2306.9 ± 23.1 | 2.00 | 2.20 | 1.10 | 1.00 | linear |")
                .contains("| redaction-labels | 65.5 ± 0.7 | 16777.2 ± 167.8 | 1.00 | 16.00 | 16.00 | 0.00 | NOT LINEAR |")
                .contains("NOT LINEAR (ratio > 2.0): redaction-labels.");
    }

    @Test
    void aRatioOfExactlyTwoIsStillLinear() {
        String report = new AdversarialInputReport(List.of(result("ipv4", 65_536, 65_536, 0),
                result("ipv4", 1_048_576, 2 * 1_048_576, 0))).render();

        assertThat(report).contains("| 2.00 | 0.00 | linear |").contains("No family above a ratio of 2.0.");
    }

    @Test
    void aFamilyMeasuredAtOneSizeHasNoRatio() {
        String report = new AdversarialInputReport(List.of(result("ipv4", 65_536, 65_536, 0),
                result("ipv4", 1_048_576, 1_048_576, 0), result("ssn", 1_048_576, 1_048_576, 0))).render();

        assertThat(report).contains("| ssn | n/a | 1048.6 ± 10.5 | n/a | 1.00 | n/a | 0.00 | n/a |")
                .contains("Not measured at both 64 KB and 1 MB (no ratio): ssn.");
    }

    @Test
    void otherBenchmarksAreIgnoredAndARunWithoutThisOnePrintsNothing() {
        List<JmhResult> results = new ArrayList<>();
        results.add(new JmhResult("redactorOnly", Map.of("kind", "clean"), 300, 3, 0, 0));
        assertThat(new AdversarialInputReport(results).render()).isEmpty();
    }

    @Test
    void sizesAreLabelledInKilobytesAndMegabytes() {
        assertThat(AdversarialInputReport.sizeLabel(65_536)).isEqualTo("64 KB");
        assertThat(AdversarialInputReport.sizeLabel(1_048_576)).isEqualTo("1 MB");
        assertThat(AdversarialInputReport.sizeLabel(1000)).isEqualTo("1000 chars");
    }
}
