package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PolicyOverrideMergesByNameTest {

    private final RedactionPolicy base = RedactionPolicy.builder()
            .detector(DetectorSetting.of("email", Action.PARTIAL))
            .detector(DetectorSetting.off("ssn"))
            .rule(new CustomRule("order-id", "ORD-[0-9]{8}"))
            .rule(new CustomRule("ticket", "TCK-[0-9]+"))
            .sensitiveKey("pin").sensitiveKey("otp")
            .hashKey(HashKeySpec.env("BASE_KEY"))
            .build();

    @Test
    void otherWinsByNameAndAddsTheRest() {
        RedactionPolicy other = RedactionPolicy.builder()
                .detector(DetectorSetting.on("ssn"))
                .detector(DetectorSetting.of("jwt", Action.HASH))
                .rule(new CustomRule("ticket", "TICKET-[0-9]+"))
                .rule(new CustomRule("badge", "B-[0-9]{5}"))
                .sensitiveKey("otp").sensitiveKey("x-internal-auth")
                .hashKey(HashKeySpec.file(Path.of("/run/secrets/hash.key")))
                .build();

        RedactionPolicy merged = base.overriddenBy(other);

        assertThat(merged.detectorSettings().values()).containsExactly(
                DetectorSetting.of("email", Action.PARTIAL), DetectorSetting.on("ssn"), DetectorSetting.of("jwt", Action.HASH));
        assertThat(merged.customRules()).containsExactly(
                new CustomRule("order-id", "ORD-[0-9]{8}"), new CustomRule("ticket", "TICKET-[0-9]+"),
                new CustomRule("badge", "B-[0-9]{5}"));
        assertThat(merged.sensitiveKeys()).containsExactly("pin", "otp", "x-internal-auth");
        assertThat(merged.hashKey()).contains(HashKeySpec.file(Path.of("/run/secrets/hash.key")));
    }

    @Test
    void emptyOtherChangesNothingAndKeepsTheHashKey() {
        assertThat(base.overriddenBy(RedactionPolicy.empty())).isEqualTo(base);
        assertThat(RedactionPolicy.empty().overriddenBy(base)).isEqualTo(base);
    }

    @Test
    void policiesAreImmutable() {
        assertThat(base.detectorSettings()).isUnmodifiable();
        assertThat(base.customRules()).isUnmodifiable();
        assertThat(base.sensitiveKeys()).isUnmodifiable();
    }
}
