package dev.logshield.redact.audit;

import static dev.logshield.redact.audit.AuditHarness.AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * {@code client_ip} is written whole ({@code full}, canonical form), as its network ({@code network}, the
 * default: IPv4 /24, IPv6 /48) or masked ({@code mask}); anything that is not a bare address is masked in
 * every mode, and an absent address is null.
 */
class ClientIpModesTest {

    private static final String MASKED = "[REDACTED:ip]";

    @TempDir
    Path dir;

    @Test
    void eachModeWritesWhatItPromises() throws Exception {
        Object[] inputs = {
            "203.0.113.7",
            " 198.51.100.23 ",
            "2001:db8:85a3::8a2e:370:7334",
            "2001:DB8:0:0:0:0:0:1",
            "::ffff:203.0.113.7",
            InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 55}),
            "not-an-ip",
            "203.0.113.7:443",
            "[2001:db8::1]",
            "010.1.1.1",
            "jane.doe@example.com",
            null,
        };
        try (AuditHarness logback = AuditHarness.configure(getClass(), dir)) {
            Logger log = logback.logger("audit");
            for (Object ip : inputs) {
                LoggingEventBuilder event = log.atInfo().addMarker(AUDIT).addKeyValue("action", "session.login");
                if (ip != null) {
                    event.addKeyValue("client_ip", ip);
                }
                event.log("login");
            }
            assertThat(clientIps(logback, "full.jsonl")).containsExactly(
                    "203.0.113.7", "198.51.100.23", "2001:db8:85a3::8a2e:370:7334", "2001:db8::1",
                    "::ffff:203.0.113.7", "192.0.2.55", MASKED, MASKED, MASKED, MASKED, MASKED, null);
            List<String> network = Arrays.asList(
                    "203.0.113.0/24", "198.51.100.0/24", "2001:db8:85a3::/48", "2001:db8::/48",
                    "203.0.113.0/24", "192.0.2.0/24", MASKED, MASKED, MASKED, MASKED, MASKED, null);
            assertThat(clientIps(logback, "network.jsonl")).isEqualTo(network);
            assertThat(clientIps(logback, "default.jsonl")).as("network is the default").isEqualTo(network);
            assertThat(clientIps(logback, "mask.jsonl")).containsExactly(
                    MASKED, MASKED, MASKED, MASKED, MASKED, MASKED, MASKED, MASKED, MASKED, MASKED, MASKED, null);
            assertThat(logback.records("full.jsonl")).allSatisfy(r ->
                    assertThat(r.get("details").size()).as("an invalid address is not kept anywhere").isZero());
        }
    }

    private static List<String> clientIps(AuditHarness logback, String file) {
        return logback.records(file).stream()
                .map(r -> r.get("client_ip"))
                .map(n -> n.isNull() ? null : n.stringValue())
                .collect(Collectors.toList());
    }

    @Test
    void networkOfIpv6KeepsTheFirstThreeGroups() {
        assertThat(IpLiteral.parse("2001:db8:85a3:1:2:3:4:5").network()).isEqualTo("2001:db8:85a3::/48");
        assertThat(IpLiteral.parse("::1").network()).isEqualTo("::/48");
        assertThat(IpLiteral.parse("2001:db8:0:1::").network()).isEqualTo("2001:db8::/48");
        assertThat(IpLiteral.parse("fe80:1:2:3:4:5:6:7").canonical()).isEqualTo("fe80:1:2:3:4:5:6:7");
        assertThat(IpLiteral.parse("2001:0:0:1:0:0:0:1").canonical()).isEqualTo("2001:0:0:1::1");
        assertThat(IpLiteral.parse("1:0:0:2:0:0:0:3").canonical()).isEqualTo("1:0:0:2::3");
        assertThat(IpLiteral.parse("::").canonical()).isEqualTo("::");
    }

    @Test
    void onlyBareAddressesParse() {
        for (String bad : new String[] {"", " ", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.04", "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::1",
                "fe80::1%eth0", "::ffff:1.2.3", "1.2.3.4::", "g::1", "localhost", "example.com"}) {
            assertThat(IpLiteral.parse(bad)).as(bad).isNull();
        }
    }
}
