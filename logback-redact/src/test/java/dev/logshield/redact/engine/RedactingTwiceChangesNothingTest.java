package dev.logshield.redact.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.policy.PolicyCompiler;
import dev.logshield.redact.policy.RedactionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text redacted once comes back unchanged when redacted again (a client's redacted event written by a receiver that
 * redacts too, two sinks in turn): the engine's own labels are not secrets. A made-up label shelters nothing.
 */
class RedactingTwiceChangesNothingTest {

    private static final Redactor REDACTOR = PolicyCompiler.compile(RedactionPolicy.empty(), BuiltInDetectors.catalog(),
            RedactionListener.NONE).redactor();

    @ParameterizedTest
    @ValueSource(strings = {
        "password=Hunter2!Secret",
        "token: ghp_16C7e42F292c6912E7710c838347Ae178B4a and more",
        "{\"apiKey\":\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"}",
        "mail jane.doe@example.com, card 4111 1111 1111 1111, Authorization: Bearer abc.def.ghi",
        "jdbc:postgresql://app:S3cr3tPassw0rd@db:5432/orders secret=xyz"
    })
    void aSecondPassChangesNothing(String line) {
        String once = REDACTOR.redact(line);
        assertThat(once).isNotEqualTo(line);
        assertThat(REDACTOR.redact(once)).isSameAs(once);
    }

    @Test
    void aMadeUpLabelSheltersNothing() {
        assertThat(REDACTOR.redact("[REDACTED:4111111111111111]")).doesNotContain("4111111111111111");
        assertThat(REDACTOR.redact("[REDACTED:jane.doe@example.com]")).doesNotContain("jane.doe@example.com");
    }
}
