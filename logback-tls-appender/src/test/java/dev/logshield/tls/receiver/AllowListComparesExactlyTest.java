package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.config.TlsConfigException;
import dev.logshield.tls.testing.SharedPki;
import dev.logshield.tls.testing.TestPki;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allow-list compares names as ASCII and subjects attribute by attribute, exactly, on real certificates of the
 * test CA: a CN spelt with U+212A KELVIN SIGN is not {@code kafka-1...}; a full-width or differently cased subject
 * is not the one listed; a CN beside SANs is not a name (RFC 6125), whatever the SANs are (DNS, e-mail, URI), while
 * the SAN DNS names still match and a certificate without SANs is still named by its CN; configured names outside
 * ASCII are refused.
 */
class AllowListComparesExactlyTest {

    private static final TestPki PKI = SharedPki.get();
    private static final char KELVIN = '\u212A';
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 40000);

    @Test
    void aKelvinSignInTheCnIsNotTheLetterK() throws Exception {
        AllowList list = names("kafka-1.brokers.test");
        assertThat(list.allows(identity(LookalikeClients.PLAIN_CN))).as("the CN as listed, no SANs").isTrue();
        assertThat(list.allows(identity(LookalikeClients.KELVIN_CN))).as("CN with U+212A for k").isFalse();
        assertThat(names("*.brokers.test").allows(identity(LookalikeClients.KELVIN_CN))).as("under a wildcard").isFalse();
    }

    @Test
    void theCnIsNotANameWhenTheCertificateHasSans() throws Exception {
        AllowList list = names("kafka-1.brokers.test");
        for (LookalikeClients other : List.of(LookalikeClients.CN_AND_OTHER_SAN, LookalikeClients.CN_AND_EMAIL_SAN,
                LookalikeClients.CN_AND_URI_SAN)) {
            assertThat(list.allows(identity(other))).as(other.name()).isFalse();
        }
        assertThat(names("attacker.example.net").allows(identity(LookalikeClients.CN_AND_OTHER_SAN))).as("by its SAN").isTrue();
        assertThat(identity(LookalikeClients.CN_AND_OTHER_SAN).displayName()).as("named in metrics and status")
                .isEqualTo("attacker.example.net");
        assertThat(identity(LookalikeClients.CN_AND_EMAIL_SAN).displayName()).isEqualTo("CN=kafka-1.brokers.test");
    }

    @Test
    void sanDnsNamesMatchWithAsciiCaseFolding() throws Exception {
        assertThat(names("kafka-2.brokers.test").allows(identity(LookalikeClients.SAN))).isTrue();
        assertThat(names("*.BROKERS.test").allows(identity(LookalikeClients.SAN))).isTrue();
        assertThat(names("someone-else").allows(identity(LookalikeClients.SAN))).as("its CN, beside a SAN").isFalse();
    }

    @Test
    void subjectsMatchOnlyAttributeByAttributeExactly() throws Exception {
        AllowList list = subjects("CN=batch,OU=Jobs,O=Example");
        assertThat(list.allows(identity(LookalikeClients.BATCH))).as("the same subject").isTrue();
        assertThat(subjects("cn=batch, ou=Jobs, o=Example").allows(identity(LookalikeClients.BATCH)))
                .as("attribute types by OID, in any case and spacing").isTrue();
        assertThat(subjects("2.5.4.3=batch,OU=Jobs,O=Example").allows(identity(LookalikeClients.BATCH))).as("by OID").isTrue();
        assertThat(list.allows(identity(LookalikeClients.FULL_WIDTH_BATCH))).as("full-width letters").isFalse();
        assertThat(list.allows(identity(LookalikeClients.CASED_BATCH))).as("another case").isFalse();
        assertThat(list.allows(identity(LookalikeClients.REORDERED_BATCH))).as("RDNs in another order").isFalse();
        assertThat(list.allows(identity(LookalikeClients.MULTI_VALUED_BATCH))).as("an RDN with another attribute").isFalse();
        assertThat(subjects("UID=7+CN=batch,OU=Jobs,O=Example").allows(identity(LookalikeClients.MULTI_VALUED_BATCH)))
                .as("a multi-valued RDN, its attributes in any order").isTrue();
        assertThat(subjects("CN=Batch,OU=Jobs,O=Example").allows(identity(LookalikeClients.BATCH))).isFalse();
    }

    @Test
    void configuredNamesOutsideAsciiAreRefused() throws Exception {
        assertThatThrownBy(() -> names(KELVIN + "afka-1.brokers.test")).isInstanceOf(TlsConfigException.class)
                .hasMessageContaining("outside ASCII").hasMessageContaining("xn--");
        assertThatThrownBy(() -> names("b\u00fccher.example")).hasMessageContaining("A-label");
        assertThat(names("xn--bcher-kva.example").describe()).isEqualTo("xn--bcher-kva.example");
    }

    private static AllowList names(String... names) throws TlsConfigException {
        return AllowList.of(List.of(names), List.of(), List.of(), false);
    }

    private static AllowList subjects(String... subjects) throws TlsConfigException {
        return AllowList.of(List.of(), List.of(subjects), List.of(), false);
    }

    private static ClientIdentity identity(LookalikeClients client) {
        return ClientIdentity.of(client.in(PKI).certificateChain().get(0), FROM);
    }
}
