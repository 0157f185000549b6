package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves that dotted quads are masked with ports and prefixes kept, and that dotted look-alikes are not. */
class Ipv4DetectorTest {

    private static final Redactor REDACTOR = Redactor.builder().rule(new Ipv4Detector(), Action.MASK).build();
    private static final String M = "[REDACTED:ipv4]";

    static Stream<Arguments> addresses() {
        return Stream.of(
                arguments("Accepted connection from 192.0.2.1", "Accepted connection from " + M),
                arguments("client=198.51.100.23:443 tls=1.3", "client=" + M + ":443 tls=1.3"),
                arguments("route add 203.0.113.0/24", "route add " + M + "/24"),
                arguments("X-Forwarded-For: 192.0.2.10, 198.51.100.7", "X-Forwarded-For: " + M + ", " + M),
                arguments("peer [192.0.2.55] closed", "peer [" + M + "] closed"),
                arguments("login from 10.0.0.1.", "login from " + M + "."),
                arguments("listen ip=0.0.0.0", "listen ip=" + M),
                arguments("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200",
                        M + " - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200"),
                arguments("{\"ip\":\"255.255.255.255\"}", "{\"ip\":\"" + M + "\"}"),
                arguments("from 172.16.254.1; retry", "from " + M + "; retry"),
                arguments("peer=192.168.1.254 state=UP", "peer=" + M + " state=UP"),
                arguments("resolved (203.0.113.195)", "resolved (" + M + ")"),
                arguments("GET http://192.0.2.8/path?q=1", "GET http://" + M + "/path?q=1"),
                arguments("connecting...198.51.100.42", "connecting..." + M),
                arguments("ips: 192.0.2.1,192.0.2.2", "ips: " + M + "," + M),
                arguments("tab\t100.64.0.1\tend", "tab\t" + M + "\tend"),
                arguments("gateway=169.254.0.1", "gateway=" + M),
                arguments("client_ip_192.0.2.77", "client_ip_" + M),
                arguments("mapped ::ffff:192.0.2.128", "mapped ::ffff:" + M),
                arguments("dst=198.51.100.200 port=53", "dst=" + M + " port=53"),
                arguments("host 203.0.113.9-primary", "host " + M + "-primary"),
                arguments("2024-01-15T10:11:12Z WARN blocked 192.0.2.250 after 5 attempts",
                        "2024-01-15T10:11:12Z WARN blocked " + M + " after 5 attempts"));
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void masksAddresses(String line, String expected) {
        assertThat(REDACTOR.redact(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "version 1.2.3.4.5",
        "agent v1.2.3.4",
        "octet 256.1.1.1",
        "three 192.168.1",
        "zero-padded 01.2.3.4",
        "zero-padded 192.168.001.1",
        "suffix 1.2.3.4a",
        "oid 1.3.6.1.4.1.311",
        "ptr 4.3.2.1.in-addr.arpa",
        "build 2024.01.15.1234",
        "time 12:30:45.123",
        "semver 1.2.3.4.5.6",
        "host a.1.2.3.4",
        "host 1.2.3.4.b",
        "bad 999.999.999.999",
        "date 2024-01-15",
        "pi 3.14159",
        "mac 00:1a:2b:3c:4d:5e",
        "long 192.0.2.1234",
        "neg 1.2.3.-4",
        "release-1.2.3.4.Final",
        "uuid 123e4567-e89b-12d3-a456-426614174000",
        "ratio 10.5 of 20.75",
    })
    void leavesLookAlikesAlone(String line) {
        assertThat(REDACTOR.redact(line)).isSameAs(line);
    }
}
