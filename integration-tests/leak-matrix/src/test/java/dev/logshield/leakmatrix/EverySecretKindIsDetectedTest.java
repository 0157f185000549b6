package dev.logshield.leakmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.engine.SensitiveKeyMatcher;
import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.RedactionListener;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.policy.PolicyCompiler;
import dev.logshield.redact.policy.RedactionPolicy;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix's generated values are what they claim to be: each whole secret is found by its kind's built-in
 * detector alone, and the engine the sinks use (every built-in detector, default policy; another detector may label
 * an overlapping span, as {@code secret} labels {@code Authorization: Bearer ...}) leaves nothing of it; each
 * fragment is harmless alone, so the cells that log it only pass when redaction follows the context; and no benign
 * marker is ever redacted, so a marker missing from a sink means the sink did not write that part.
 */
class EverySecretKindIsDetectedTest {

    private static final Redactor ENGINE = PolicyCompiler.compile(RedactionPolicy.empty(), BuiltInDetectors.catalog(),
            RedactionListener.NONE).redactor();

    static Stream<Cell> cells() {
        return Matrix.get().cells().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void secretIsFoundByItsDetectorAndItsFragmentAloneIsNot(Cell cell) {
        SecretKind.Secret secret = cell.secret();
        String line = cell.kind().lead + secret.text() + " by " + cell.benign();
        Redactor detectorAlone = Redactor.builder().rule(BuiltInDetectors.catalog().create(cell.kind().detector,
                Map.of(), SensitiveKeyMatcher.defaults()), Action.MASK).build();
        assertThat(detectorAlone.redact(line)).as(line).contains("[REDACTED:" + cell.kind().detector + "]")
                .doesNotContain(secret.fragment());

        String redacted = ENGINE.redact(line);
        assertThat(redacted).as(line).contains(cell.benign());
        for (String forbidden : secret.forbidden()) {
            assertThat(redacted).as(line).doesNotContain(forbidden);
        }
        assertThat(ENGINE.redact(secret.fragment())).as("the fragment alone is harmless").isEqualTo(secret.fragment());
        assertThat(ENGINE.redact(cell.benign())).isEqualTo(cell.benign());
    }
}
