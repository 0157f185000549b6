package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects credentials in the user-info of URLs with any scheme ({@code https://}, {@code redis://},
 * {@code mongodb+srv://}, {@code jdbc:postgresql://}, {@code amqp://}...). With {@code user:password@host}
 * only the password is reported, so the user stays visible:
 * {@code postgres://app:[REDACTED:url-credentials]@db:5432/x}. With a lone {@code token@host} the user-info
 * is reported when it looks like a token: at least {@value #MIN_TOKEN} characters, no dot, and a digit, an
 * upper-case letter or an underscore (so {@code git@}, {@code deploy@} or {@code john.doe@} stay).
 *
 * <p>The authority runs from {@code ://} to the first {@code /}, {@code ?}, {@code #}, blank, control
 * character, quote or other character URLs never hold unencoded; the user-info ends at its last {@code @},
 * which must be followed by a host. A password should percent-encode {@code @} and {@code #}, but one written
 * raw is still covered whole: after a {@code :}, a {@code #} that an {@code @} follows before the authority
 * would otherwise end is part of the password ({@code amqp://svc:rdF#8#Hc@rabbit:5672/vhost}), not the start
 * of a fragment. Authorities longer than {@value #MAX_AUTHORITY} characters are not examined.
 *
 * <p>Selected in the redaction configuration by its {@link #NAME}.
 */
public final class UrlCredentialsDetector implements Detector {

    private static final Triggers TRIGGERS = Triggers.builder().chars(":").build();

    /** Configuration name and mask label. */
    public static final String NAME = "url-credentials";

    static final int MIN_TOKEN = 16;
    static final int MAX_AUTHORITY = 2048;
    private static final int MAX_SCHEME = 32;

    public UrlCredentialsDetector() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Triggers triggers() {
        return TRIGGERS;
    }

    @Override
    public int validate(CharSequence text, int at, Findings out) {
        final int i = at;
        if (i + 3 > text.length() || text.charAt(i + 1) != '/' || text.charAt(i + 2) != '/' || !hasScheme(text, i)) {
            return at;
        }
        return authority(text, i + 3, out);
    }

    /** Examines the authority starting at {@code start}; returns where it ends. */
    private static int authority(CharSequence text, int start, Findings out) {
        final int limit = Math.min(text.length(), start + MAX_AUTHORITY);
        int end = start;
        int lastAt = -1;
        boolean passwordSeen = false;
        int rawHashesUntil = -1; // the @ that shows the # before it belong to a raw password
        while (end < limit) {
            char c = text.charAt(end);
            if (c == '#' && passwordSeen && end > rawHashesUntil) {
                rawHashesUntil = atBeforeAuthorityEnd(text, end + 1, limit);
            }
            if (endsAuthority(c) && !(c == '#' && end < rawHashesUntil)) {
                break;
            }
            if (c == '@') {
                lastAt = end;
            } else if (c == ':') {
                passwordSeen = true;
            }
            end++;
        }
        if (lastAt <= start || lastAt + 1 >= end || !startsHost(text.charAt(lastAt + 1))) {
            return end;
        }
        int colon = start;
        while (colon < lastAt && text.charAt(colon) != ':') {
            colon++;
        }
        if (colon < lastAt) {
            out.add(colon + 1, lastAt); // empty password: add() ignores it
        } else if (looksLikeToken(text, start, lastAt)) {
            out.add(start, lastAt);
        }
        return end;
    }

    /**
     * Index of the first {@code @} from {@code from} before any character that ends an authority other than
     * {@code #}, or -1.
     */
    private static int atBeforeAuthorityEnd(CharSequence text, int from, int limit) {
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return i;
            }
            if (c != '#' && endsAuthority(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** A scheme ({@code [A-Za-z][A-Za-z0-9+.-]*}) ends right before {@code colon}. */
    private static boolean hasScheme(CharSequence text, int colon) {
        boolean letter = false;
        for (int i = colon - 1; i >= 0 && colon - i <= MAX_SCHEME; i--) {
            char c = text.charAt(i);
            if (AsciiChars.isLetter(c)) {
                letter = true;
            } else if (!AsciiChars.isDigit(c) && c != '+' && c != '.' && c != '-') {
                break;
            }
        }
        return letter;
    }

    private static boolean endsAuthority(char c) {
        return AsciiChars.isSpaceOrControl(c) || "/?#\"'<>`\\{}|^".indexOf(c) >= 0;
    }

    private static boolean startsHost(char c) {
        return AsciiChars.isAlnum(c) || c == '[' || c == '%' || c > 127;
    }

    private static boolean looksLikeToken(CharSequence text, int start, int end) {
        if (end - start < MIN_TOKEN) {
            return false;
        }
        boolean marked = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                return false;
            }
            marked |= AsciiChars.isDigit(c) || AsciiChars.isUpper(c) || c == '_';
        }
        return marked;
    }
}
