package dev.logshield.redact.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.detect.BuiltInDetectors;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Whatever the action, text redacted once passes a second redaction unchanged, as the same instance: pseudonyms are
 * not hashed again (they stay stable across sinks), partial masks are not masked again. A made-up pseudonym or
 * partial mask still shelters nothing.
 */
class RedactingTwiceKeepsPseudonymsAndPartialMasksTest {

    private static final String LINES = "password=Hunter2!Secret token: ghp_16C7e42F292c6912E7710c838347Ae178B4a "
            + "{\"apiKey\":\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"} mail jane.doe@example.com card 4111 1111 1111 1111 "
            + "Authorization: Bearer abc.def.ghi jdbc:postgresql://app:S3cr3tPassw0rd@db:5432/orders secret=xyz "
            + "iban DE89370400440532013000 from 10.1.2.3 key AKIAIOSFODNN7EXAMPLE";

    private static Redactor allDetectors(Action action) {
        Redactor.Builder b = Redactor.builder()
                .hasher(new KeyedHasher("a test key of 32 bytes, made up!".getBytes(StandardCharsets.UTF_8), "k1"))
                .sensitiveKeyAction(action);
        for (String name : BuiltInDetectors.catalog().names()) {
            b.rule(BuiltInDetectors.catalog().create(name, Map.of(), null), action);
        }
        return b.build();
    }

    /** Every action that leaves something in place: {@code drop} leaves nothing to recognise. */
    @ParameterizedTest
    @EnumSource(value = Action.class, names = "DROP", mode = EnumSource.Mode.EXCLUDE)
    void aSecondPassChangesNothing(Action action) {
        Redactor r = allDetectors(action);
        String once = r.redact(LINES);
        assertThat(once).isNotEqualTo(LINES);
        assertThat(r.redact(once)).as(action + ": " + once).isSameAs(once);
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = "DROP", mode = EnumSource.Mode.EXCLUDE)
    void aValueOfASensitiveFieldRedactedTwiceIsUnchanged(Action action) {
        Redactor r = allDetectors(action);
        String once = r.redactValue("password", "Hunter2!Secret-and-longer");
        assertThat(r.redactValue("password", once)).as(action.toString()).isEqualTo(once);
        String whole = r.renderWhole(action, "secret", "ghp_16C7e42F292c6912E7710c838347Ae178B4a");
        assertThat(r.renderWhole(action, "secret", whole)).as(action + " whole").isEqualTo(whole);
    }

    @Test
    void pseudonymsStayStable() {
        Redactor r = allDetectors(Action.HASH);
        String once = r.redact("user jane.doe@example.com logged in, password=Hunter2!Secret");
        assertThat(once).contains("[HASH:email:k1:").contains("password=[HASH:secret:k1:");
        assertThat(r.redact("forwarded: " + once)).isEqualTo("forwarded: " + once);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "password=[HASH:secret:k1:4111111111111111]",   // all digits: a card number fits, so it is no pseudonym
        "[HASH:secret:k2:0123456789abcdef] 4111111111111111", // another key id
        "[HASH:email:k1:4111 1111 1111 1111]",
        "password=Hunter2Secret****abcd",                 // no known prefix before the stars
        "token=ghp_16C7e42F292c6912E7710c838347Ae178B4a****abcd"
    })
    void aMadeUpPseudonymOrMaskSheltersNothing(String line) {
        Redactor r = allDetectors(Action.MASK);
        String out = r.redact(line);
        assertThat(out).doesNotContain("4111111111111111").doesNotContain("4111 1111 1111 1111")
                .doesNotContain("Hunter2Secret").doesNotContain("16C7e42F292c6912E7710c838347Ae178B4a");
    }
}
