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

/** Proves that formatted and labelled SSNs are masked and that SSN-shaped numbers otherwise are not. */
class SsnDetectorTest {

    private static final Redactor REDACTOR = Redactor.builder().rule(new SsnDetector(), Action.MASK).build();
    private static final String M = "[REDACTED:ssn]";

    static Stream<Arguments> ssns() {
        return Stream.of(
                arguments("SSN 123-45-6789 verified", "SSN " + M + " verified"),
                arguments("ssn=123 45 6789", "ssn=" + M),
                arguments("applicant ssn: 123456789", "applicant ssn: " + M),
                arguments("Social Security Number: 234567891", "Social Security Number: " + M),
                arguments("social_security_number=345678912&step=2", "social_security_number=" + M + "&step=2"),
                arguments("{\"ssn\":\"078-05-1120\"}", "{\"ssn\":\"" + M + "\"}"),
                arguments("taxpayer 219-09-9999 flagged", "taxpayer " + M + " flagged"),
                arguments("customerSsn=456789123", "customerSsn=" + M),
                arguments("(SSN 001-01-0001)", "(SSN " + M + ")"),
                arguments("ssn='665-99-9999'", "ssn='" + M + "'"),
                arguments("id 667-01-0001 on file", "id " + M + " on file"),
                arguments("899-99-9999", M),
                arguments("SSN: 123 45 6789.", "SSN: " + M + "."),
                arguments("SOCIAL SECURITY # 512345678", "SOCIAL SECURITY # " + M),
                arguments("user.ssn -> 321-54-9876", "user.ssn -> " + M),
                arguments("ssn\t123456780", "ssn\t" + M),
                arguments("ssn(masked=false)=111-22-3333", "ssn(masked=false)=" + M),
                arguments("two: 123-45-6789, 234-56-7890", "two: " + M + ", " + M),
                arguments("SSN was 555-12-3456 before update", "SSN was " + M + " before update"),
                arguments("social-security 142-86-7531", "social-security " + M),
                arguments("the SSN on file for this account is 601234567", "the SSN on file for this account is " + M),
                arguments("socialsecurity=412345678", "socialsecurity=" + M),
                arguments("<ssn>123-45-6789</ssn>", "<ssn>" + M + "</ssn>"));
    }

    @ParameterizedTest
    @MethodSource("ssns")
    void masksSocialSecurityNumbers(String line, String expected) {
        assertThat(REDACTOR.redact(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ssn 000-12-3456",                      // area 000
        "ssn 666-12-3456",                      // area 666
        "ssn 900-12-3456",                      // area 9xx
        "ssn 123-00-4567",                      // group 00
        "ssn 123-45-0000",                      // serial 0000
        "order 123456789 shipped",              // bare, no label
        "ssn 1234567890",                       // ten digits
        "ssn 12345678",                         // eight digits
        "phone 555-123-4567",
        "date 2024-01-15",
        "call 1-123-45-6789",
        "ref 123-45-6789-01",
        "ref 123-45-67890",
        "ref A123-45-6789",
        "ref 123-45-6789x",
        "mixed 123-45 6789",
        "spaced 1 123 45 6789",
        "spaced 123 45 6789 2",
        "classname 123456789",                  // "ssn" inside a word
        "ssn was checked earlier in the session for this user, id 123456789",
        "zip 12345-6789",
        "ISBN 0-306-40615-2",
        "version 123.45.6789",
        "ssn 12-345-6789",
        "path 2024/123-45-6789",
        "uuid 123e4567-e89b-12d3-a456-426614174000",
    })
    void leavesLookAlikesAlone(String line) {
        assertThat(REDACTOR.redact(line)).isSameAs(line);
    }
}
