package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownKeysAndInvalidEntriesAreReportedTest {

    private final LoadedPolicy loaded = PolicyFileLoader.load("classpath:policy/typos.yaml", getClass().getClassLoader());

    @Test
    void eachTypoAndInvalidEntryIsOneProblemWithItsLine() {
        String f = "classpath:policy/typos.yaml";
        assertThat(loaded.problems()).containsExactly(
                f + " line 2: unknown top-level key 'detector' (did you mean 'detectors'?); known: version, detectors, sensitiveKeys, rules, hashKey",
                f + " line 5: detector 'email': unknown action 'partail'; use one of mask, partial, hash, drop, on, off; the detector keeps its defaults",
                f + " line 7: detector 'jwt' has no setting; write e.g. 'jwt: on', 'jwt: off' or 'jwt: partial'; the detector keeps its defaults",
                f + " line 8: sensitive key must be a non-empty word",
                f + " line 12: unknown rule field 'keyword' (did you mean 'keywords'?); known: name, pattern, keywords, action, caseInsensitive",
                f + " line 14: rule 'no-pattern' has no pattern; the rule is skipped",
                f + " line 16: rule name 'badly named!' is invalid: use 1 to 64 letters, digits, '-', '_' or '.'; the rule is skipped",
                f + " line 20: rule 'ticket': unknown action 'dorp'; use one of mask, partial, hash, drop (the rule masks)",
                f + " line 21: rule 'order-id' is defined twice; the first definition is used",
                f + " line 23: hashKey must name exactly one of env, file or keystore; no hash key is used");
    }

    @Test
    void validEntriesStillApply() {
        RedactionPolicy p = loaded.policy();
        assertThat(p.detectorSettings()).containsOnlyKeys("ipv4");
        assertThat(p.sensitiveKeys()).containsExactly("pin", "otp");
        assertThat(p.customRules()).containsExactly(
                new CustomRule("order-id", "ORD-[0-9]{8}", List.of(), Action.HASH, false),
                new CustomRule("ticket", "TCK-[0-9]+", List.of(), Action.MASK, false));
        assertThat(p.hashKey()).isEmpty();
    }

    @Test
    void unsupportedVersionAppliesNothing() {
        LoadedPolicy v2 = PolicyFileLoader.parse("version: 2\ndetectors: { ssn: off }\n", "v2.yaml");

        assertThat(v2.policy()).isEqualTo(RedactionPolicy.empty());
        assertThat(v2.problems()).containsExactly(
                "v2.yaml line 1: unsupported policy version '2'; this LogShield reads version 1 (nothing in the file is applied)");
    }

    @Test
    void duplicateKeysAreReported() {
        LoadedPolicy dup = PolicyFileLoader.parse("detectors:\n  ssn: off\n  ssn: on\nversion: 1\nversion: 1\n", "dup.yaml");

        assertThat(dup.problems()).containsExactly(
                "dup.yaml line 5: top-level key 'version' is given twice; the first is used",
                "dup.yaml line 3: detector 'ssn' is configured twice; the first setting is used");
        assertThat(dup.policy().detectorSettings().get("ssn").enabled()).isFalse();
    }

    @Test
    void badHashKeyShapesAreReported() {
        assertThat(PolicyFileLoader.parse("hashKey: { keystore: k.p12, alias: a }\n", "a.yaml").problems())
                .singleElement().asString().contains("needs alias and exactly one of password or passwordEnv");
        assertThat(PolicyFileLoader.parse("hashKey: { env: K, alias: a }\n", "b.yaml").problems())
                .singleElement().asString().contains("alias applies only to a keystore");
        assertThat(PolicyFileLoader.parse("hashKey: { env: K, keyId: 'bad id' }\n", "c.yaml").problems())
                .singleElement().asString().contains("hash key id 'bad id' is invalid");
        assertThat(PolicyFileLoader.parse("hashKey: { env: K, keyid: k2 }\n", "d.yaml").problems())
                .singleElement().asString().contains("unknown hashKey field 'keyid' (did you mean 'keyId'?)");
    }
}
