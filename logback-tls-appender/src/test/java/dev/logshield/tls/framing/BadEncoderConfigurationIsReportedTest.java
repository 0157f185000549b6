package dev.logshield.tls.framing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each misconfiguration is a status error naming the element and what to use instead, and its encoder stays
 * stopped and writes nothing: an unknown facility, an unknown time zone, an SD-ID that is reserved (no {@code @}),
 * has a space, no enterprise number, over 32 characters, or is the sequence element's; both a message layout and
 * a pattern; a layout or pattern that does not start.
 */
class BadEncoderConfigurationIsReportedTest {

    private static final List<String> APPENDERS = List.of("ZONE", "SDID_RESERVED", "SDID_SPACE", "SDID_NUMBER",
            "SDID_LONG", "SDID_TAKEN", "BOTH", "LAYOUT", "PATTERN");

    @TempDir
    Path dir;

    @Test
    void misconfiguredEncodersAreReportedAndWriteNothing() throws Exception {
        try (LogbackXml logback = LogbackXml.configure(getClass(), Map.of("dir", dir.toString()))) {
            logback.logger("app").info("hello");

            List<String> errors = logback.statusMessages(Status.ERROR);
            assertThat(errors)
                    .anySatisfy(m -> assertThat(m).contains("<facility>local8</facility> is not a syslog facility; "
                            + "use one of kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron, authpriv, "
                            + "ftp, local0, local1, local2, local3, local4, local5, local6, local7")
                            .endsWith("The encoder is not started and writes nothing."))
                    .anySatisfy(m -> assertThat(m).contains("<timeZone>Mars/Olympus_Mons</timeZone> is not a time zone"))
                    .anySatisfy(m -> assertThat(m).contains("<structuredDataId>mdc</structuredDataId>")
                            .contains("reserved for IANA"))
                    .anySatisfy(m -> assertThat(m).contains("<structuredDataId>my mdc@32473</structuredDataId>")
                            .contains("contains ' '"))
                    .anySatisfy(m -> assertThat(m).contains("<structuredDataId>mdc@acme</structuredDataId>")
                            .contains("name@<private enterprise number>"))
                    .anySatisfy(m -> assertThat(m).contains("averyveryverylongelementname@32473")
                            .contains("at most 32"))
                    .anySatisfy(m -> assertThat(m).contains("logshield@32473 is the element <sequenceIds> adds"))
                    .anySatisfy(m -> assertThat(m).contains("set either <messageLayout> or <messagePattern>, not both"))
                    .anySatisfy(m -> assertThat(m).contains("<messageLayout> ch.qos.logback.classic.PatternLayout did "
                            + "not start"))
                    .anySatisfy(m -> assertThat(m).contains("<messagePattern>%msg%(</messagePattern> is not a valid "
                            + "pattern"));

            assertThat(logback.encoder("FACILITY").isStarted()).isFalse();
            assertThat(Files.size(dir.resolve("facility.log"))).isZero();
            for (String appender : APPENDERS) {
                assertThat(logback.encoder(appender).isStarted()).as(appender).isFalse();
                assertThat(logback.capturing(appender).records()).as(appender).allSatisfy(r -> assertThat(r).isEmpty());
            }
        }
    }
}
