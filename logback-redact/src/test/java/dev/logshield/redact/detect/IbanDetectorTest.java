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

/** Proves that IBANs in electronic and print form are masked, and IBAN-shaped ids are not. */
class IbanDetectorTest {

    private static final Redactor REDACTOR = Redactor.builder().rule(new IbanDetector(), Action.MASK).build();
    private static final String M = "[REDACTED:iban]";

    static Stream<Arguments> ibans() {
        return Stream.of(
                arguments("SEPA transfer to DE89370400440532013000 queued", "SEPA transfer to " + M + " queued"),
                arguments("iban=DE89 3704 0044 0532 0130 00;", "iban=" + M + ";"),
                arguments("payee GB82 WEST 1234 5698 7654 32 added", "payee " + M + " added"),
                arguments("payee GB29NWBK60161331926819", "payee " + M),
                arguments("FR14 2004 1010 0505 0001 3M02 606", M),
                arguments("{\"iban\":\"FR7630006000011234567890189\"}", "{\"iban\":\"" + M + "\"}"),
                arguments("es ES91 2100 0418 4502 0005 1332.", "es " + M + "."),
                arguments("it IT60X0542811101000000123456 ok", "it " + M + " ok"),
                arguments("nl (NL91ABNA0417164300)", "nl (" + M + ")"),
                arguments("be BE68539007547034, ch CH9300762011623852957", "be " + M + ", ch " + M),
                arguments("at AT61 1904 3002 3457 3201 EUR 100.00", "at " + M + " EUR 100.00"),
                arguments("pl PL61109010140000071219812874", "pl " + M),
                arguments("pt PT50 0002 0123 1234 5678 9015 4 ok", "pt " + M + " ok"),
                arguments("ie IE29AIBK93115212345678", "ie " + M),
                arguments("se SE45 5000 0000 0583 9825 7466", "se " + M),
                arguments("no NO9386011117947", "no " + M),
                arguments("dk DK50 0040 0440 1162 43", "dk " + M),
                arguments("fi FI2112345600000785", "fi " + M),
                arguments("lu LU28 0019 4006 4475 0000", "lu " + M),
                arguments("mt MT84MALT011000012345MTLCAST001S", "mt " + M),
                arguments("unknown-to-table XK051212012345678906", "unknown-to-table " + M),
                arguments("tab\tGR1601101250000000012300695\tend", "tab\t" + M + "\tend"),
                arguments("li LI21 0881 0000 2324 013A A", "li " + M),
                arguments("debtor=SA0380000000608010167519&creditor=DE89370400440532013000",
                        "debtor=" + M + "&creditor=" + M));
    }

    @ParameterizedTest
    @MethodSource("ibans")
    void masksIbans(String line, String expected) {
        assertThat(REDACTOR.redact(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bad check DE89370400440532013001",
        "bad check DE89 3704 0044 0532 0130 01",
        "short DE8937040044053201300",
        "long DE893704004405320130001",
        "lower de89370400440532013000",
        "glued XDE89370400440532013000",
        "glued DE89370400440532013000x",
        "grouping DE89 3704 0044 0532 013 000",
        "grouping DE89 37040044 0532 0130 00",
        "swapped GB82WEST12345698765423",
        "length MT84MALT011000012345MTLCAST001",
        "check00 DE00370400440532013000",
        "check99 GB99NWBK60161331926819",
        "order AB12CD34EF56GH78IJ90",
        "sku XY99 1234 5678 9012 3456",
        "uuid 123e4567-e89b-12d3-a456-426614174000",
        "ts 2024-01-15T10:11:12Z",
        "key AKIAIOSFODNN7EXAMPLE",
        "build JDK17 U2 2024",
        "plate AB12 CDE",
        "hash 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B",
        "card 4111111111111111",
        "double space DE89  3704 0044 0532 0130 00",
    })
    void leavesLookAlikesAlone(String line) {
        assertThat(REDACTOR.redact(line)).isSameAs(line);
    }
}
