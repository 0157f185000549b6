package dev.logshield.redact.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.redact.engine.Action;
import dev.logshield.redact.engine.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves that with keepNetwork only the host octet is masked and the /24 network stays readable. */
class Ipv4KeepNetworkTest {

    private static final Redactor REDACTOR = Redactor.builder().rule(new Ipv4Detector(true), Action.MASK).build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "from 10.1.2.3              | from 10.1.2.[REDACTED:ipv4]",
        "client=192.0.2.255:8080    | client=192.0.2.[REDACTED:ipv4]:8080",
        "net 198.51.100.0/24        | net 198.51.100.[REDACTED:ipv4]/24",
        "a 192.0.2.1 b 203.0.113.77 | a 192.0.2.[REDACTED:ipv4] b 203.0.113.[REDACTED:ipv4]",
    })
    void masksOnlyTheHostOctet(String line, String expected) {
        assertThat(REDACTOR.redact(line)).isEqualTo(expected);
    }

    @Test
    void stillRejectsLookAlikes() {
        String line = "version 1.2.3.4.5";
        assertThat(REDACTOR.redact(line)).isSameAs(line);
        assertThat(new Ipv4Detector(true).keepsNetwork()).isTrue();
        assertThat(new Ipv4Detector().keepsNetwork()).isFalse();
    }
}
