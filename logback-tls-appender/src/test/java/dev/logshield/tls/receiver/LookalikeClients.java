package dev.logshield.tls.receiver;

import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Client certificates of a test CA whose names look like allowed ones, for the allow-list tests, each issued once
 * per PKI on first use. Allowed by {@code <allowedName>kafka-1.brokers.test</allowedName>} or
 * {@code <allowedSubject>CN=batch,OU=Jobs,O=Example</allowedSubject>}, or not, as each says.
 */
enum LookalikeClients {

    /** CN=kafka-1.brokers.test, no SAN: named by its CN. */
    PLAIN_CN("CN=kafka-1.brokers.test"),
    /** CN=Kafka-1... with U+212A KELVIN SIGN for the K, no SAN: Unicode case folding makes it kafka-1. */
    KELVIN_CN("CN=\u212Aafka-1.brokers.test"),
    /** CN=kafka-1.brokers.test beside SAN DNS:attacker.example.net: its name is the SAN's. */
    CN_AND_OTHER_SAN("CN=kafka-1.brokers.test", new GeneralName(GeneralName.dNSName, "attacker.example.net")),
    /** CN=kafka-1.brokers.test beside an e-mail SAN only: names no host. */
    CN_AND_EMAIL_SAN("CN=kafka-1.brokers.test", new GeneralName(GeneralName.rfc822Name, "ops@example.net")),
    /** CN=kafka-1.brokers.test beside a URI SAN only: names no host. */
    CN_AND_URI_SAN("CN=kafka-1.brokers.test",
            new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://example.net/kafka-1")),
    /** CN=someone-else, SAN DNS:KAFKA-2.Brokers.test: named kafka-2.brokers.test in ASCII case folding. */
    SAN("CN=someone-else", new GeneralName(GeneralName.dNSName, "KAFKA-2.Brokers.test")),
    /** CN=batch,OU=Jobs,O=Example. */
    BATCH("CN=batch,OU=Jobs,O=Example"),
    /** CN=ｂａｔｃｈ (full-width letters),OU=Jobs,O=Example: NFKD makes it batch. */
    FULL_WIDTH_BATCH("CN=\uff42\uff41\uff54\uff43\uff48,OU=Jobs,O=Example"),
    /** CN=Batch,OU=Jobs,O=Example. */
    CASED_BATCH("CN=Batch,OU=Jobs,O=Example"),
    /** O=Example,OU=Jobs,CN=batch: the RDNs the other way round. */
    REORDERED_BATCH("O=Example,OU=Jobs,CN=batch"),
    /** CN=batch+UID=7,OU=Jobs,O=Example: a multi-valued RDN. */
    MULTI_VALUED_BATCH("CN=batch+UID=7,OU=Jobs,O=Example");

    private final String subject;
    private final GeneralName[] altNames;

    LookalikeClients(String subject, GeneralName... altNames) {
        this.subject = subject;
        this.altNames = altNames;
    }

    /** This client's identity in {@code pki}, issued at the first call. */
    TestIdentity in(TestPki pki) {
        String name = "lookalike-" + name().toLowerCase(java.util.Locale.ROOT);
        synchronized (pki) {
            try {
                return pki.client(name);
            } catch (IllegalArgumentException notYet) {
                return pki.issueClientWithSubject(name, subject, altNames);
            }
        }
    }
}
