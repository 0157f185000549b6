package dev.logshield.redact.detect;

import dev.logshield.redact.engine.Detector;
import dev.logshield.redact.engine.Findings;
import dev.logshield.redact.engine.Triggers;

/**
 * Detects e-mail addresses: an RFC 5322 dot-atom local part, {@code @}, and a DNS domain name with at
 * least two labels ending in a top-level domain of letters.
 *
 * <p>Anchored on {@code @}. The local part is read back at most 64 characters (letters and digits of
 * any script, as RFC 6531 allows, and {@code !#$%&'*+-?^_~.}); it may not end with a dot or
 * hold two dots in a row, and leading punctuation ({@code 'john@...}, {@code ...john@...}) is left outside
 * the span. {@code = / | { } `} are legal in a local part but in logs they end a key or a path
 * ({@code email=john@example.com}), so the local part starts after them. The domain is read forward at most
 * 253 characters as labels of letters, digits and inner hyphens, each at most 63 long; trailing hyphens
 * and a sentence-ending dot are left out.
 *
 * <p>Rejected on purpose: single-label domains ({@code user@localhost}, {@code v1.2@sha},
 * {@code Object@1a2b3c}), an empty local part ({@code @handle}), numeric top-level labels, which includes
 * IP-literal domains such as {@code foo@192.0.2.1} and package coordinates such as {@code lodash@4.17.21}
 * (the {@code ipv4} detector covers the address), and file names whose "top-level domain" is a common file
 * extension that is not a real one ({@code logo@2x.png}). Bracketed IP literals and quoted local parts are
 * not recognised.
 *
 * <p>Addresses the application cut short are still addresses: a local part, {@code @} and the start of a domain
 * that runs to the end of the text or to a truncation mark ({@code ...}, {@code …}, {@code (truncated)}, also
 * after a space, as Spring writes it) are masked when the cut is plain: two or more labels of which the last is
 * a single letter ({@code alice@example.c}), or, before a mark only, a lone label with a letter that is no hex
 * digit ({@code alice@exam (truncated)...}). So {@code user@example.c} at the end of a text is masked, but
 * {@code ssh deploy@prod} (no mark: a user on a host), {@code com.example.Foo@6d06d69c...} (a hash code) and
 * {@code @Override...} (no local part) are not; {@code deploy@prod...} is, as a mark says the text went on.
 *
 * <p>Linear time: each {@code @} costs at most 64 + 253 character reads. Allocation-free. Configured by
 * name:
 * <pre>{@code <detector>email: mask</detector>}</pre>
 */
public final class EmailDetector implements Detector {

    private static final Triggers TRIGGERS = Triggers.builder().chars("@").build();

    public static final String NAME = "email";

    static final int MAX_LOCAL = 64;
    static final int MAX_DOMAIN = 253;
    static final int MAX_LABEL = 63;

    private static final boolean[] LOCAL = new boolean[128];
    private static final int MAX_URL_USER = 256;
    /** Raw {@code @} a URL password may hold before the one that ends it; bounds the reads per {@code @}. */
    private static final int MAX_RAW_ATS = 2;
    private static final String[] FILE_EXTENSIONS = {
        "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "css", "js", "mjs", "map", "json", "html",
        "htm", "xml", "txt", "log", "java", "class", "jar", "kt", "yaml", "yml", "properties", "gz", "tgz", "tar"
    };

    static {
        for (char c = 0; c < 128; c++) {
            LOCAL[c] = AsciiChars.isAlnum(c);
        }
        for (char c : "!#$%&'*+-?^_~.".toCharArray()) {
            LOCAL[c] = true;
        }
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
        final int a = at;
        if (a < 1 || a >= text.length() - 1) {
            return at;
        }
        int start = localStart(text, a);
        if (start < 0 || isUrlPassword(text, start)) {
            return at;
        }
        int end = domainEnd(text, a + 1);
        if (end > 0) {
            out.add(start, end);
            return end;
        }
        return at;
    }

    /**
     * True when the would-be local part ends the password of {@code scheme://user:password@host}: the
     * {@code url-credentials} detector redacts it, and the host after the {@code @} is not personal data. The
     * password may begin with characters a local part does not start with ({@code svc:!6Rja@host},
     * {@code svc:pa(ss@host}) and hold a raw {@code @} or two ({@code u:a@b@host}): the user-info is read back to
     * {@code //}, across at most {@value #MAX_RAW_ATS} {@code @}, and must hold a {@code :}.
     */
    private static boolean isUrlPassword(CharSequence text, int start) {
        final int floor = Math.max(1, start - MAX_URL_USER - MAX_LOCAL);
        boolean colon = false;
        int ats = 0;
        for (int i = start - 1; i >= floor; i--) {
            char c = text.charAt(i);
            if (c == '/') {
                return colon && text.charAt(i - 1) == '/';
            }
            if ((c == '@' && ++ats > MAX_RAW_ATS) || c == '?' || c <= ' ') {
                return false;
            }
            colon |= c == ':';
        }
        return false;
    }

    /** Start of a valid local part ending right before the {@code @} at {@code at}, or -1. */
    private static int localStart(CharSequence text, int at) {
        final int floor = Math.max(0, at - (MAX_LOCAL + 1));
        int j = at;
        while (j > floor && isLocalChar(text.charAt(j - 1))) {
            j--;
        }
        if (at - j > MAX_LOCAL) {
            return -1; // longer than any local part: a piece of some other token
        }
        while (j < at && !isCoreChar(text.charAt(j))) {
            j++;
        }
        if (j == at || text.charAt(at - 1) == '.') {
            return -1;
        }
        for (int k = j + 1; k < at; k++) {
            if (text.charAt(k) == '.' && text.charAt(k - 1) == '.') {
                return -1;
            }
        }
        return j;
    }

    /** End of a valid domain, or of one the application cut short, starting at {@code d}; or -1. */
    private static int domainEnd(CharSequence text, int d) {
        int end = completeDomainEnd(text, d);
        return end > 0 ? end : truncatedDomainEnd(text, d);
    }

    /**
     * End of the start of a domain that the text cuts short, starting at {@code d}, or -1: its labels run to the
     * end of the text or to a truncation mark ({@code ...}, {@code …}, {@code (truncated)}, also after a space),
     * and either the last of two or more labels is a single letter, the start of a top-level domain
     * ({@code alice@example.c}), or, before a truncation mark only, a lone label holds a letter that is no hex
     * digit ({@code alice@exam (truncated)...}; not {@code Foo@6d06d6...}, an object's hash code).
     */
    private static int truncatedDomainEnd(CharSequence text, int d) {
        final int limit = Math.min(text.length(), d + MAX_DOMAIN);
        int p = d;
        int labels = 0;
        int lastLabel = d;
        while (true) {
            final int ls = p;
            while (p < limit && isLabelChar(text.charAt(p))) {
                p++;
            }
            if (p == ls || text.charAt(ls) == '-' || p - ls > MAX_LABEL) {
                return -1;
            }
            labels++;
            lastLabel = ls;
            if (p + 1 < limit && text.charAt(p) == '.' && isLabelChar(text.charAt(p + 1))) {
                p++;
                continue;
            }
            break;
        }
        final boolean marked = isTruncationMark(text, p);
        if (!marked && p != text.length()) {
            return -1;
        }
        if (labels >= 2) {
            char c = text.charAt(lastLabel);
            return p - lastLabel == 1 && (c < 128 ? AsciiChars.isLetter(c) : Character.isLetter(c)) ? p : -1;
        }
        return marked && hasNonHexLetter(text, d, p) ? p : -1;
    }

    /** {@code ...}, {@code …} or {@code (truncated)} at {@code at}, or after one space there. */
    private static boolean isTruncationMark(CharSequence text, int at) {
        int i = AsciiChars.at(text, at) == ' ' ? at + 1 : at;
        return AsciiChars.startsWith(text, i, "...") || AsciiChars.at(text, i) == '\u2026'
                || AsciiChars.startsWith(text, i, "(truncated)");
    }

    private static boolean hasNonHexLetter(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 128 ? AsciiChars.isLetter(c) && !AsciiChars.isHex(c) : Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    /** End of a valid domain starting at {@code d}, or -1. */
    private static int completeDomainEnd(CharSequence text, int d) {
        final int n = text.length();
        final int limit = Math.min(n, d + MAX_DOMAIN + 1);
        int p = d;
        int end = -1;
        int labels = 0;
        int lastLabel = -1;
        while (p < limit) {
            final int ls = p;
            while (p < limit && isLabelChar(text.charAt(p))) {
                p++;
            }
            if (p == ls || text.charAt(ls) == '-') {
                break;
            }
            int te = p;
            while (text.charAt(te - 1) == '-') {
                te--;
            }
            if (te - ls > MAX_LABEL) {
                return -1;
            }
            labels++;
            lastLabel = ls;
            end = te;
            if (te < p) { // trailing hyphens end the domain, unless another label follows: then it is invalid
                if (AsciiChars.at(text, p) == '.' && isLabelChar(AsciiChars.at(text, p + 1))) {
                    return -1;
                }
                break;
            }
            if (p + 1 < limit && text.charAt(p) == '.' && isLabelChar(text.charAt(p + 1))
                    && text.charAt(p + 1) != '-') {
                p++;
                continue;
            }
            break;
        }
        if (p >= limit && limit < n) {
            return -1; // still inside a domain-like run after MAX_DOMAIN characters
        }
        if (labels < 2 || end - d > MAX_DOMAIN || AsciiChars.isTokenAt(text, end)) {
            return -1;
        }
        return isTopLevel(text, lastLabel, end) ? end : -1;
    }

    private static boolean isTopLevel(CharSequence text, int start, int end) {
        final int len = end - start;
        if (len < 2) {
            return false;
        }
        if (len > 4 && AsciiChars.lower(text.charAt(start)) == 'x' && AsciiChars.lower(text.charAt(start + 1)) == 'n'
                && text.charAt(start + 2) == '-' && text.charAt(start + 3) == '-') {
            return true; // punycode
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 128 ? !AsciiChars.isLetter(c) : !Character.isLetter(c)) {
                return false;
            }
        }
        return !isFileExtension(text, start, end);
    }

    private static boolean isFileExtension(CharSequence text, int start, int end) {
        outer:
        for (String ext : FILE_EXTENSIONS) {
            if (ext.length() != end - start) {
                continue;
            }
            for (int k = 0; k < ext.length(); k++) {
                if (AsciiChars.lower(text.charAt(start + k)) != ext.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isLocalChar(char c) {
        return c < 128 ? LOCAL[c] : isOtherScriptLetterOrDigit(c);
    }

    /** Characters a local part may start with once leading punctuation is set aside. */
    private static boolean isCoreChar(char c) {
        return c < 128 ? AsciiChars.isAlnum(c) || c == '_' : isOtherScriptLetterOrDigit(c);
    }

    private static boolean isLabelChar(char c) {
        return c < 128 ? AsciiChars.isAlnum(c) || c == '-' : isOtherScriptLetterOrDigit(c);
    }

    private static boolean isOtherScriptLetterOrDigit(char c) {
        return !Character.isSurrogate(c) && Character.isLetterOrDigit(c);
    }
}
