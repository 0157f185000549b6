package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.BUILT_IN;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SSNs a held-out corpus showed missed: written with dots, {@code ddd.dd.dddd}. Dotted digit groups are common in
 * versions and ids, so, like a bare nine-digit run, a dotted number counts when a label names it. The numbers are
 * valid under the SSA's rules (area not 000, 666 or 9xx, group not 00, serial not 0000) and none is a reserved one.
 */
class SsnCorpusDefectsTest {

    private static final SsnDetector DETECTOR = new SsnDetector();
    private static final String M = "[REDACTED:ssn]";

    static Stream<Arguments> dottedSsns() {
        return Stream.of(
                arguments("SSN 321.54.9876 verified", "SSN " + M + " verified", "321.54.9876"),
                arguments("applicant ssn: 512.34.6789", "applicant ssn: " + M, "512.34.6789"),
                arguments("Social Security Number 234.56.7891.", "Social Security Number " + M + ".", "234.56.7891"),
                arguments("{\"ssn\":\"142.86.7531\"}", "{\"ssn\":\"" + M + "\"}", "142.86.7531"),
                arguments("customerSsn=456.78.9123&step=2", "customerSsn=" + M + "&step=2", "456.78.9123"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dottedSsns")
    void detectorMasksDottedSsns(String line, String expected, String secret) {
        assertThat(mask(DETECTOR, line)).isEqualTo(expected).doesNotContain(secret);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dottedSsns")
    void builtInEngineMasksDottedSsns(String line, String expected, String secret) {
        assertThat(BUILT_IN.redact(line)).isEqualTo(expected).doesNotContain(secret);
    }

    static Stream<String> lookAlikes() {
        List<String> lines = new ArrayList<>(Redactions.CLEAN_LINES);
        lines.addAll(List.of(
                "version 321.54.9876",                 // no label: dots alone make no SSN
                "build 512.34.6789 deployed",
                "ssn 000.12.3456",                     // area 000
                "ssn 666.12.3456",                     // area 666
                "ssn 901.12.3456",                     // area 9xx
                "ssn 123.00.4567",                     // group 00
                "ssn 123.45.0000",                     // serial 0000
                "ssn 1.321.54.9876",                   // part of a longer dotted number
                "ssn 321.54.9876.1",
                "ssn 321.54-9876",                     // mixed separators
                "ssn 321.54.98765",
                "ssn was checked earlier in the session for this user, id 321.54.9876"));
        return lines.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void leavesLookAlikesUntouched(String line) {
        assertThat(mask(DETECTOR, line)).isSameAs(line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookAlikes")
    void builtInEngineLeavesLookAlikesUntouched(String line) {
        assertThat(BUILT_IN.redact(line)).isEqualTo(Redactions.builtInCleanLine(line));
    }
}
