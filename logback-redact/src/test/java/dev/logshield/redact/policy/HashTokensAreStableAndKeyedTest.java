package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.KeyedHasher;
import dev.logshield.redact.engine.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HashTokensAreStableAndKeyedTest {

    private static final Pattern TOKEN = Pattern.compile("\\[HASH:([a-z-]+):(k1):([0-9a-f]{16})]");
    private final byte[] key = TestKeys.random(32);

    private Redactor redactor(byte[] hashKey, String ruleName) {
        RedactionPolicy policy = RedactionPolicy.builder()
                .rule(new CustomRule(ruleName, "ORD-[0-9]{8}", List.of("ORD-"), Action.HASH, false))
                .hashKey(TestKeys.envSpec(hashKey))
                .build();
        CompiledPolicy compiled = PolicyCompiler.compile(policy, new TestCatalog(), null);
        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.warnings()).isEmpty();
        return compiled.redactor();
    }

    private static List<String> tokens(String text) {
        Matcher m = TOKEN.matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void equalValuesGiveEqualTokensAndDifferentValuesDifferentOnes() {
        String out = redactor(key, "order-id").redact("paid ORD-12345678, shipped ORD-12345678, refunded ORD-87654321");

        List<String> t = tokens(out);
        assertThat(t).hasSize(3);
        assertThat(t.get(0)).isEqualTo(t.get(1)).isNotEqualTo(t.get(2));
        assertThat(out).doesNotContain("12345678").doesNotContain("87654321");
    }

    @Test
    void tokenIsTheKeyedHmacOfTypeAndValue() {
        StringBuilder expected = new StringBuilder();
        new KeyedHasher(key, "k1").appendToken("order-id", "ORD-12345678", expected);

        assertThat(redactor(key, "order-id").redact("ORD-12345678")).isEqualTo(expected.toString());
    }

    @Test
    void sameValueUnderAnotherKeyGivesAnotherToken() {
        String a = redactor(key, "order-id").redact("ORD-12345678");
        String b = redactor(TestKeys.random(32), "order-id").redact("ORD-12345678");

        assertThat(a).isNotEqualTo(b);
        assertThat(redactor(key, "order-id").redact("ORD-12345678")).as("stable across compilations").isEqualTo(a);
    }

    @Test
    void sameValueUnderAnotherTypeGivesAnotherDigest() {
        Matcher a = TOKEN.matcher(redactor(key, "order-id").redact("ORD-12345678"));
        Matcher b = TOKEN.matcher(redactor(key, "invoice-ref").redact("ORD-12345678"));

        assertThat(a.matches()).isTrue();
        assertThat(b.matches()).isTrue();
        assertThat(a.group(3)).isNotEqualTo(b.group(3)); // not just the label: the HMAC is domain-separated
    }
}
