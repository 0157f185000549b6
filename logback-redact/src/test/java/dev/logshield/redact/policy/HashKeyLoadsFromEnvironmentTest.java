package dev.logshield.redact.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashKeyLoadsFromEnvironmentTest {

    private static final byte[] KEY = TestKeys.random(32);

    @Test
    void base64VariableGivesTheKey() throws Exception {
        HashKeySpec spec = HashKeySpec.env("LOGSHIELD_HASH_KEY")
                .withEnvironment(Map.of("LOGSHIELD_HASH_KEY", Base64.getEncoder().encodeToString(KEY) + "\n")::get);

        assertThat(spec.load()).isEqualTo(KEY);
        assertThat(spec.keyId()).isEqualTo("k1");
    }

    @Test
    void urlSafeBase64IsAcceptedToo() throws Exception {
        HashKeySpec spec = HashKeySpec.env("K").withEnvironment(Map.of("K", Base64.getUrlEncoder().withoutPadding().encodeToString(KEY))::get);

        assertThat(spec.load()).isEqualTo(KEY);
    }

    @Test
    void specFromAPolicyFileReadsTheVariableItNames() {
        HashKeySpec fromFile = PolicyFileLoader.parse("hashKey: { env: APP_HASH_KEY, keyId: prod-2 }\n", "p.yaml")
                .policy().hashKey().orElseThrow();
        HashKeySpec spec = fromFile.withEnvironment(Map.of("APP_HASH_KEY", Base64.getEncoder().encodeToString(KEY))::get);

        CompiledPolicy compiled = PolicyCompiler.compile(RedactionPolicy.builder().hashKey(spec).build(), new TestCatalog(), null);

        assertThat(compiled.warnings()).isEmpty();
        assertThat(compiled.redactor().hasHashKey()).isTrue();
        assertThat(spec.keyId()).isEqualTo("prod-2");
    }

    @Test
    void unsetVariableSaysHowToMakeAKey() {
        HashKeySpec spec = HashKeySpec.env("LOGSHIELD_HASH_KEY").withEnvironment(name -> null);

        assertThatThrownBy(spec::load).isInstanceOf(PolicyException.class).hasMessage(
                "environment variable LOGSHIELD_HASH_KEY is not set; set it to the base64 of at least 16 random bytes "
                        + "(make one with `openssl rand -base64 32`)");
    }

    @Test
    void notBase64AndTooShortAreReported() {
        assertThatThrownBy(HashKeySpec.env("K").withEnvironment(Map.of("K", "not base64 at all!")::get)::load)
                .hasMessage("environment variable K is not valid base64; it must hold the base64 of at least 16 random "
                        + "bytes (make one with `openssl rand -base64 32`)");
        assertThatThrownBy(HashKeySpec.env("K").withEnvironment(Map.of("K", Base64.getEncoder().encodeToString(new byte[8]))::get)::load)
                .hasMessage("environment variable K holds a key of 8 bytes; at least 16 are needed (make one with "
                        + "`openssl rand -base64 32`)");
        assertThatThrownBy(HashKeySpec.env("K").withEnvironment(Map.of("K", "  ")::get)::load)
                .hasMessageStartingWith("environment variable K is empty");
    }
}
