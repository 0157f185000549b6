package dev.logshield.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Every family the benchmark lists exists, builds a text of exactly the size asked, and passes the benchmark's own
 * setup (every built-in detector on, no detector failing, every canary masked with its label) against the current
 * engine: a family whose canary survived would stop the JMH run.
 */
class EveryAdversarialFamilyPassesItsSetupCheckTest {

    @Test
    void theBenchmarkMeasuresEveryFamilyAndOnlyThose() throws Exception {
        String[] params = AdversarialInputBenchmark.class.getField("family").getAnnotation(Param.class).value();
        List<String> families = Arrays.stream(AdversarialInput.values()).map(AdversarialInput::paramName).toList();
        assertThat(params).containsExactlyElementsOf(families);
        assertThat(AdversarialInputBenchmark.class.getField("size").getAnnotation(Param.class).value())
                .containsExactly("65536", "1048576");
    }

    @ParameterizedTest
    @EnumSource(AdversarialInput.class)
    void textsHaveExactlyTheSizeAskedAndEndWithTheCanaries(AdversarialInput family) {
        for (int size : new int[] {65_536, 1_048_576}) {
            String text = family.text(size);
            assertThat(text).hasSize(size);
            for (AdversarialInput.Canary c : family.canaries()) {
                assertThat(text.substring(size - 4096)).contains("\n" + c.line());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AdversarialInput.class)
    void textsAreMostlyTheFamilysUnitsRepeated(AdversarialInput family) {
        String text = family.text(65_536);
        for (String unit : family.units()) {
            // the mixed family interleaves blocks of at least 256 characters: a long unit fills one alone
            assertThat(text).contains(family == AdversarialInput.MIXED && unit.length() > 128 ? unit : unit + unit);
        }
    }

    @ParameterizedTest
    @EnumSource(AdversarialInput.class)
    void setUpPassesAt64Kb(AdversarialInput family) {
        AdversarialInputBenchmark benchmark = new AdversarialInputBenchmark();
        benchmark.family = family.paramName();
        benchmark.size = 65_536;
        assertThatCode(benchmark::setUp).doesNotThrowAnyException();
        assertThat(benchmark.redactAdversarialInput()).doesNotContain(family.secrets().get(0));
    }

    @Test
    void theMixedFamilyHoldsEveryDetectorFamilysUnitsAndCanaries() {
        for (AdversarialInput family : AdversarialInput.detectorFamilies()) {
            assertThat(AdversarialInput.MIXED.units()).containsAll(family.units());
            assertThat(AdversarialInput.MIXED.secrets()).containsAll(family.secrets());
        }
        assertThat(AdversarialInput.detectorFamilies()).hasSize(12);
    }
}
