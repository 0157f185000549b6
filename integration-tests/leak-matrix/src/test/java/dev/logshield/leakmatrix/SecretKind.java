package dev.logshield.leakmatrix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ten kinds of secret the matrix logs, each one a built-in detector of logback-redact handles. Every value is
 * made up at run time from a seeded generator (no real secret is in the repository, and a failing cell can be
 * reproduced), and each cell gets its own value, so a value found in a sink's output names the cell that leaked.
 *
 * <p>Each value is also split around one piece, the {@linkplain Secret#fragment() fragment}, that is harmless on its
 * own (no detector matches it) but secret where it stands: a placeholder argument completing a card number in the
 * message, the value of a {@code password} MDC entry. Cells use it to check that redaction follows the context, not
 * only the argument's own text.
 */
enum SecretKind {

    /** A Luhn-valid 16-digit Visa number; the fragment is its last 12 digits (too short for a card alone). */
    CARD("card", "credit-card", "card ") {
        @Override
        Secret generate(SplittableRandom random) {
            String body = "4" + digits(random, 14);
            String number = body + luhnCheckDigit(body);
            return new Secret(this, number.substring(0, 4), number.substring(4), "", List.of());
        }
    },
    /** An address at example.org; the fragment is the local part, which is no address alone. */
    EMAIL("email", "email", "mail ") {
        @Override
        Secret generate(SplittableRandom random) {
            String local = pick(random, "ana", "bob", "chen", "dana", "eve") + "." + lowerAlnum(random, 9);
            return new Secret(this, "", local, "@example.org", List.of());
        }
    },
    /** A German IBAN with valid check digits; the fragment is everything after the country code. */
    IBAN("iban", "iban", "iban ") {
        @Override
        Secret generate(SplittableRandom random) {
            String bban = digits(random, 18);
            String iban = "DE" + ibanCheckDigits("DE", bban) + bban;
            return new Secret(this, "DE", iban.substring(2), "", List.of(bban));
        }
    },
    /** A US SSN following the SSA's issuing rules; the fragment is group and serial ({@code 45-6789}). */
    SSN("ssn", "ssn", "ssn ") {
        @Override
        Secret generate(SplittableRandom random) {
            int area = 1 + random.nextInt(665); // 001-665: never 000, 666 or 900-999
            int group = 1 + random.nextInt(99);
            int serial = 1 + random.nextInt(9999);
            return new Secret(this, String.format("%03d-", area), String.format("%02d-%04d", group, serial), "",
                    List.of());
        }
    },
    /** A signed JWT with a made-up payload and signature; the fragment is payload and signature. */
    JWT("jws", "jwt", "login ") {
        @Override
        Secret generate(SplittableRandom random) {
            String header = b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
            String payload = b64url("{\"sub\":\"user-" + lowerAlnum(random, 10) + "\",\"iat\":"
                    + (1_700_000_000L + random.nextInt(100_000_000)) + "}");
            String signature = base64UrlChars(random, 43);
            // the header is the same in every token: not distinctive, and not secret
            return new Secret(this, header + ".", payload + "." + signature, "", List.of(payload, signature));
        }
    },
    /** An AWS access key id ({@code AKIA} and 16 base32 characters); the fragment is the 16 characters. */
    AWS_ACCESS_KEY_ID("aws", "aws-access-key", "key ") {
        @Override
        Secret generate(SplittableRandom random) {
            return new Secret(this, "AKIA", base32(random, 16), "", List.of());
        }
    },
    /** A GitHub personal access token ({@code ghp_} and 36 alphanumerics); the fragment is the 36. */
    GITHUB_TOKEN("github", "github-token", "deploy with ") {
        @Override
        Secret generate(SplittableRandom random) {
            return new Secret(this, "ghp_", mixedAlnum(random, 36), "", List.of());
        }
    },
    /** A Slack bot token ({@code xoxb-} and numeric ids and a secret part); the fragment follows {@code xoxb-}. */
    SLACK_TOKEN("slack", "slack-token", "notify with ") {
        @Override
        Secret generate(SplittableRandom random) {
            String secretPart = mixedAlnum(random, 24);
            return new Secret(this, "xoxb-", digits(random, 11) + "-" + digits(random, 12) + "-" + secretPart, "",
                    List.of(secretPart));
        }
    },
    /** A database URL with a password; the fragment is the password, which alone looks like any word. */
    URL_CREDENTIALS("dburl", "url-credentials", "connect ") {
        @Override
        Secret generate(SplittableRandom random) {
            return new Secret(this, "postgresql://app:", "S3cr3t" + mixedAlnum(random, 10), "@db.internal/orders",
                    List.of());
        }
    },
    /** An HTTP {@code Authorization: Bearer} header; the fragment is the credential. */
    BEARER_HEADER("header", "auth-header", "sent ") {
        @Override
        Secret generate(SplittableRandom random) {
            return new Secret(this, "Authorization: Bearer ", mixedAlnum(random, 40), "", List.of());
        }
    };

    /** Short name used in benign markers; it holds no word a detector or the sensitive-key matcher reacts to. */
    final String id;
    /** The detector of logback-redact that must find it (its mask label). */
    final String detector;
    /** Words put before the value in messages. */
    final String lead;

    SecretKind(String id, String detector, String lead) {
        this.id = id;
        this.detector = detector;
        this.lead = lead;
    }

    abstract Secret generate(SplittableRandom random);

    @Override
    public String toString() {
        return id;
    }

    /**
     * A generated value {@code prefix + fragment + suffix}; {@link #forbidden()} lists every text that must appear
     * in no sink's output: the whole value, the fragment and the kind's other long distinctive parts.
     */
    record Secret(SecretKind kind, String prefix, String fragment, String suffix, List<String> distinctive) {

        String text() {
            return prefix + fragment + suffix;
        }

        List<String> forbidden() {
            List<String> all = new ArrayList<>();
            all.add(text());
            all.add(fragment);
            all.addAll(distinctive);
            return all;
        }
    }

    private static final String DIGITS = "0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String MIXED_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64URL = MIXED_ALNUM + "-_";

    static String digits(SplittableRandom random, int length) {
        return chars(random, DIGITS, length);
    }

    /** Lower-case letters and digits, with at least one digit, so that the text never reads as a word. */
    static String lowerAlnum(SplittableRandom random, int length) {
        return withDigit(random, chars(random, LOWER_ALNUM, length));
    }

    /** Upper- and lower-case letters and digits, with at least one digit. */
    static String mixedAlnum(SplittableRandom random, int length) {
        return withDigit(random, chars(random, MIXED_ALNUM, length));
    }

    static String base32(SplittableRandom random, int length) {
        return chars(random, BASE32, length);
    }

    static String base64UrlChars(SplittableRandom random, int length) {
        return withDigit(random, chars(random, BASE64URL, length));
    }

    private static String chars(SplittableRandom random, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String withDigit(SplittableRandom random, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return text;
            }
        }
        int at = 1 + random.nextInt(text.length() - 1);
        return text.substring(0, at) + random.nextInt(10) + text.substring(at + 1);
    }

    private static String pick(SplittableRandom random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The digit that makes {@code body} + digit pass the Luhn check. */
    static int luhnCheckDigit(String body) {
        int sum = 0;
        boolean twice = true; // the check digit will be rightmost, so the body's last digit is doubled
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /** ISO 7064 MOD 97-10 check digits of an IBAN with this country and numeric BBAN. */
    static String ibanCheckDigits(String country, String bban) {
        String rearranged = bban + (country.charAt(0) - 'A' + 10) + (country.charAt(1) - 'A' + 10) + "00";
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            remainder = (remainder * 10 + rearranged.charAt(i) - '0') % 97;
        }
        return String.format("%02d", 98 - remainder);
    }
}
