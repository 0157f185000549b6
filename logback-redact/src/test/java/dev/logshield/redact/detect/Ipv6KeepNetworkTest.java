package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves that with keepNetwork the /48 prefix stays readable when its three groups are written before any
 * {@code ::}, and that the whole address is masked otherwise.
 */
class Ipv6KeepNetworkTest {

    private static final Redactor REDACTOR = Redactor.builder().rule(new Ipv6Detector(true), Action.MASK).build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2001:db8:85a3::8a2e:370:7334              | 2001:db8:85a3:[REDACTED:ipv6]",
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334   | 2001:0db8:85a3:[REDACTED:ipv6]",
        "peer [2001:db8:abcd:12::1]:443            | peer [2001:db8:abcd:[REDACTED:ipv6]]:443",
        "net 2001:db8:85a3::                       | net 2001:db8:85a3:[REDACTED:ipv6]",
        "v4 2001:db8:3333:4444:5555:6666:1.2.3.4   | v4 2001:db8:3333:[REDACTED:ipv6]",
        "early 2001:db8::1                         | early [REDACTED:ipv6]",
        "lo ::1                                    | lo [REDACTED:ipv6]",
        "mapped ::ffff:192.0.2.1                   | mapped [REDACTED:ipv6]",
        "two 2001:db8::8a2e:370:7334               | two [REDACTED:ipv6]",
    })
    void keepsTheRoutingPrefixOnlyWhenWrittenOut(String line, String expected) {
        assertThat(REDACTOR.redact(line)).isEqualTo(expected);
    }

    @Test
    void stillRejectsLookAlikes() {
        String line = "mac 00:1a:2b:3c:4d:5e at 10:11:12";
        assertThat(REDACTOR.redact(line)).isSameAs(line);
        assertThat(new Ipv6Detector(true).keepsNetwork()).isTrue();
    }
}
