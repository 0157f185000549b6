package dev.logshield.crypto.testing;

import dev.logshield.crypto.keys.AgeKeyEncoding;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.X25519KeyPair;
import java.security.SecureRandom;

/** A recipient key pair generated for one test: the {@code age1...} string for logback.xml and the identity. */
public record TestIdentity(String recipient, HpkeIdentity identity) {

    public static TestIdentity generate() {
        X25519KeyPair pair = X25519KeyPair.generate(new SecureRandom());
        return new TestIdentity(AgeKeyEncoding.encodeRecipient(pair.publicKey()), HpkeIdentity.of(pair));
    }
}
