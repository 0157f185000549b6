package dev.logshield.redact.detect;

import java.util.stream.Stream;

/**
 * SSNs a held-out corpus showed missed: written with dots, {@code ddd.dd.dddd}. Dotted digit groups are common in
 * versions and ids, so, like a bare nine-digit run, a dotted number counts when a label names it. The numbers are
 * valid under the SSA's rules (area not 000, 666 or 9xx, group not 00, serial not 0000) and none is a reserved one.
 */
class SsnCorpusDefectsTest extends DetectorCorpusTest {

    private static final SsnDetector DETECTOR = new SsnDetector();
    private static final String M = "[REDACTED:ssn]";

    static Stream<Missed> missedLines() {
        return Stream.of(
                missed(DETECTOR, "SSN 321.54.9876 verified", "SSN " + M + " verified", "321.54.9876"),
                missed(DETECTOR, "applicant ssn: 512.34.6789", "applicant ssn: " + M, "512.34.6789"),
                missed(DETECTOR, "Social Security Number 234.56.7891.", "Social Security Number " + M + ".", "234.56.7891"),
                missed(DETECTOR, "{\"ssn\":\"142.86.7531\"}", "{\"ssn\":\"" + M + "\"}", "142.86.7531"),
                missed(DETECTOR, "customerSsn=456.78.9123&step=2", "customerSsn=" + M + "&step=2", "456.78.9123"));
    }

    static Stream<LookAlike> lookAlikes() {
        return cleanLinesAnd(DETECTOR,
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
                "ssn was checked earlier in the session for this user, id 321.54.9876");
    }
}
