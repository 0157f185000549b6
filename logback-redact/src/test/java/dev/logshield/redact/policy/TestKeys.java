package dev.logshield.redact.policy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Keys generated per test run; nothing secret is ever committed. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static byte[] random(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A hash key spec reading {@code key} from a fake environment variable. */
    static HashKeySpec envSpec(byte[] key) {
        return HashKeySpec.env("LOGSHIELD_HASH_KEY")
                .withEnvironment(Map.of("LOGSHIELD_HASH_KEY", Base64.getEncoder().encodeToString(key))::get);
    }
}
