package dev.logshield.redact.detect;

/**
 * The IBAN length each country prescribes, from the public SWIFT IBAN registry (ISO 13616). Countries not
 * in the table return 0; the detector then accepts any length from {@value #MIN} to {@value #MAX} with a
 * valid checksum, so a country that joins the registry later is still detected.
 */
public final class IbanLengths {

    /** Shortest IBAN any country uses (Norway). */
    public static final int MIN = 15;
    /** Longest IBAN ISO 13616 allows. */
    public static final int MAX = 34;

    private static final String TABLE = ""
            + "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 "
            + "EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 "
            + "IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 "
            + "NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 "
            + "TR26 UA29 VA22 VG24 XK20";

    private static final byte[] LENGTHS = new byte[26 * 26];

    static {
        for (int i = 0; i + 4 <= TABLE.length(); i += 5) {
            int idx = (TABLE.charAt(i) - 'A') * 26 + (TABLE.charAt(i + 1) - 'A');
            LENGTHS[idx] = (byte) Integer.parseInt(TABLE.substring(i + 2, i + 4));
        }
    }

    private IbanLengths() {
    }

    /** The IBAN length for the country {@code c1c2} (upper case), or 0 when the table does not know it. */
    public static int lengthOf(char c1, char c2) {
        if (!AsciiChars.isUpper(c1) || !AsciiChars.isUpper(c2)) {
            return 0;
        }
        return LENGTHS[(c1 - 'A') * 26 + (c2 - 'A')];
    }

    /** True when an IBAN of {@code length} characters is plausible for the country {@code c1c2}. */
    public static boolean accepts(char c1, char c2, int length) {
        int expected = lengthOf(c1, c2);
        return expected != 0 ? length == expected : length >= MIN && length <= MAX;
    }
}
