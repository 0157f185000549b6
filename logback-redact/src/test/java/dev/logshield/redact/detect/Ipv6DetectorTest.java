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

/** Proves that IPv6 addresses in their written forms are masked, and colon-separated look-alikes are not. */
class Ipv6DetectorTest {

    private static final Redactor REDACTOR = Redactor.builder().rule(new Ipv6Detector(), Action.MASK).build();
    private static final String M = "[REDACTED:ipv6]";

    static Stream<Arguments> addresses() {
        return Stream.of(
                arguments("Accepted connection from 2001:db8::1", "Accepted connection from " + M),
                arguments("peer [2001:db8::1]:443 closed", "peer [" + M + "]:443 closed"),
                arguments("full 2001:0db8:85a3:0000:0000:8a2e:0370:7334", "full " + M),
                arguments("link-local fe80::1%eth0 up", "link-local " + M + "%eth0 up"),
                arguments("bind ::1 port 8080", "bind " + M + " port 8080"),
                arguments("mapped ::ffff:192.0.2.1", "mapped " + M),
                arguments("ip:2001:db8::42", "ip:" + M),
                arguments("upper 2001:DB8:0:0:8:800:200C:417A", "upper " + M),
                arguments("route 2001:db8::/32", "route " + M + "/32"),
                arguments("X-Forwarded-For: 2001:db8:1::ab9:C0A8:102", "X-Forwarded-For: " + M),
                arguments("GET http://[2001:db8:4006:812::200e]/index.html", "GET http://[" + M + "]/index.html"),
                arguments("client=2001:db8:a0b:12f0::1;", "client=" + M + ";"),
                arguments("{\"ip\":\"2001:db8::ff00:42:8329\"}", "{\"ip\":\"" + M + "\"}"),
                arguments("nat64 64:ff9b::192.0.2.33", "nat64 " + M),
                arguments("login from 2001:db8::1.", "login from " + M + "."),
                arguments("addr 2001:db8:0:1:1:1:1:1, retry", "addr " + M + ", retry"),
                arguments("ula fd00::1234 reachable", "ula " + M + " reachable"),
                arguments("addr 2001:db8::1: refused", "addr " + M + ": refused"),
                arguments("embedded 2001:db8:3333:4444:5555:6666:1.2.3.4", "embedded " + M),
                arguments("scope fe80::abcd:ef01:2345:6789%25en0", "scope " + M + "%25en0"),
                arguments("(2001:db8::2)", "(" + M + ")"),
                arguments("two 2001:db8::1,2001:db8::2", "two " + M + "," + M),
                arguments("trailing 2001:db8:85a3::", "trailing " + M),
                arguments("remote=0:0:0:0:0:0:0:1:54321 closed", "remote=" + M + ":54321 closed"),
                arguments("mapped ::ffff:192.0.2.1:80", "mapped " + M + ":80"));
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void masksAddresses(String line, String expected) {
        assertThat(REDACTOR.redact(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "time 10:11:12",
        "at 12:30:45.123 done",
        "mac 00:1a:2b:3c:4d:5e",
        "std::vector<int> v",
        "a::b",
        "ref Foo::bar",
        "String::valueOf",
        "bare :: token",
        "dead::beef 1",
        "seven 1:2:3:4:5:6:7",
        "ten 1:2:3:4:5:6:7:8:9:10",
        "port too big 1:2:3:4:5:6:7:8:99999",
        "double 2001:db8::1::2",
        "triple 2001:db8:::1",
        "wide 12345::1",
        "glued 2001:db8::g1",
        "fingerprint 16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48",
        "eui64 02:1a:2b:ff:fe:3c:4d:5e",
        "2024-01-15T10:11:12Z started",
        "at com.example.Server.run(Server.java:123)",
        "localhost:8080",
        "prefixed x2001:db8::1",
        "bad tail ::ffff:192.0.2.256",
        "ratio 1:2",
        "digest sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "urn:isbn:0451450523",
        "duration 1:02:03.5",
        "ports 1:2:3:4:5:6:7:8:123456",
        "ports ::ffff:192.0.2.1:8a",
    })
    void leavesLookAlikesAlone(String line) {
        assertThat(REDACTOR.redact(line)).isSameAs(line);
    }
}
