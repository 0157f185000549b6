package dev.logshield.tls.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TIMESTAMP agrees with java.time's RFC 3339 rendering ({@code uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX}: microseconds,
 * {@code Z} for a zero offset, {@code +hh:mm} otherwise) for random instants over years 0000-9999 in UTC and over
 * 1900-2100 in zones with daylight saving time and odd offsets; a year outside 0000-9999 gives the NILVALUE.
 */
class TimestampsAreRfc3339WithMicrosecondsTest {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    @Test
    void utcOverTheWholeRange() {
        Random random = new Random(5424);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)), random.nextInt(1_000_000_000));
            assertSame(t, ZoneId.of("UTC"));
        }
        assertSame(Instant.parse("1970-01-01T00:00:00Z"), ZoneId.of("UTC"));
        assertSame(Instant.parse("2024-02-29T23:59:59.999999999Z"), ZoneId.of("UTC"));
    }

    @Test
    void zonesWithDaylightSavingAndOddOffsets() {
        Random random = new Random(3339);
        long min = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        String[] zones = {"Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "+05:30",
            "-03:00", "Z", "Europe/London"};
        for (String zone : zones) {
            for (int i = 0; i < 5_000; i++) {
                Instant t = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)), random.nextInt(1_000_000_000));
                assertSame(t, ZoneId.of(zone));
            }
        }
    }

    @Test
    void yearsOutsideFourDigitsAreNil() {
        StringBuilder sb = new StringBuilder();
        new Rfc3339Timestamp(ZoneId.of("UTC")).append(sb, Instant.parse("+10000-01-01T00:00:00Z"));
        new Rfc3339Timestamp(ZoneId.of("UTC")).append(sb, Instant.parse("-0001-12-31T23:59:59Z"));
        assertThat(sb).hasToString("--");
    }

    private static void assertSame(Instant t, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        new Rfc3339Timestamp(zone).append(sb, t);
        assertThat(sb.toString()).as("%s in %s", t, zone).isEqualTo(RFC_3339.format(t.atZone(zone)));
    }
}
