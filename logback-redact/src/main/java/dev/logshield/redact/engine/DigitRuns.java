package dev.logshield.redact.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the digit triggers of a {@link CandidateScanner}'s rules ({@link Triggers.Builder#digitRuns},
 * {@link Triggers.Builder#capitalsBeforeDigits}) without a branch per character. The text is copied, a chunk at a
 * time, into a byte buffer ({@link String#getBytes(int, int, byte[], int)}: an array copy for the Latin-1 strings
 * logs mostly are) and read eight bytes at a time as a {@code long}: a few arithmetic operations mark the digits of
 * all eight at once and count them. Only where four consecutive words (32 characters) hold as many digits as a rule
 * needs are the characters examined one by one for the runs that start there.
 *
 * <p>Characters above U+00FF are truncated by the copy and may read as digits: that only adds candidates, which the
 * rules reject, since every position is checked again on the text itself before a rule is called.
 */
final class DigitRuns {

    /** Longest span a digit-run trigger may ask for: a run starting anywhere in a word ends within four words. */
    static final int MAX_SPAN = 25;
    /** Characters copied per chunk; a multiple of 8. */
    static final int CHUNK = 4096;
    private static final int WINDOW_WORDS = 4;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /** Bits of the rules with digit-run triggers, and the fewest digits any of them needs. */
    private final long runRules;
    private final int[] minDigitsByBit;
    private final int fewestDigits;
    private final long capitalRules;

    DigitRuns(Triggers[] byBit) {
        long runs = 0;
        long capitals = 0;
        int fewest = Integer.MAX_VALUE;
        minDigitsByBit = new int[byBit.length];
        for (int bit = 0; bit < byBit.length; bit++) {
            Triggers t = byBit[bit];
            if (t.minDigits() > 0) {
                runs |= 1L << bit;
                minDigitsByBit[bit] = t.minDigits();
                fewest = Math.min(fewest, t.minDigits());
            }
            if (t.capitalsBeforeDigits()) {
                capitals |= 1L << bit;
            }
        }
        runRules = runs;
        capitalRules = capitals;
        fewestDigits = runs == 0 ? Integer.MAX_VALUE : fewest;
    }

    /**
     * Offers the digit triggers of {@code text} in text order, per rule; false when a rule threw. One pass: each word's
     * digits are counted as it is read, and a word's window (itself and the three after it) is complete, and judged,
     * three words later.
     */
    boolean scan(CharSequence text, Findings out, CandidateScanner scanner) {
        if (runRules == 0 && capitalRules == 0) {
            return true;
        }
        final int n = text.length();
        final boolean capitalsWanted = capitalRules != 0;
        final int fewest = fewestDigits;
        byte[] bytes = out.byteBuffer(CHUNK + 8);
        long previousDigits = 0;
        long previousCapitals = 0;
        int oneBack = 0;
        int twoBack = 0;
        int threeBack = 0;
        int word = 0; // words read so far, over all chunks
        for (int chunk = 0; chunk < n; chunk += CHUNK) {
            int length = Math.min(CHUNK, n - chunk);
            copy(text, chunk, chunk + length, bytes);
            int words = (length + 7) >>> 3;
            for (int i = length; i < words << 3; i++) {
                bytes[i] = 0;
            }
            for (int w = 0; w < words; w++, word++) {
                long eight = (long) LONGS.get(bytes, w << 3);
                long digits = digits(eight);
                int count = Long.bitCount(digits);
                if (capitalsWanted) {
                    long capitals = capitals(eight);
                    long afterTwoCapitals = digits & ~((digits << 8) | (previousDigits >>> 56))
                            & ((capitals << 8) | (previousCapitals >>> 56)) & ((capitals << 16) | (previousCapitals >>> 48));
                    if (afterTwoCapitals != 0 && !capitals(afterTwoCapitals, word << 3, text, out, scanner)) {
                        return false;
                    }
                    previousCapitals = capitals;
                }
                previousDigits = digits;
                int window = count + oneBack + twoBack + threeBack;
                if (window >= fewest && word >= WINDOW_WORDS - 1
                        && !runs((word - (WINDOW_WORDS - 1)) << 3, window, text, out, scanner)) {
                    return false;
                }
                threeBack = twoBack;
                twoBack = oneBack;
                oneBack = count;
            }
        }
        // the last three words, whose windows end with the text
        int last = word - 1;
        return (last - 2 < 0 || threeBack + twoBack + oneBack < fewestDigits
                        || runs((last - 2) << 3, threeBack + twoBack + oneBack, text, out, scanner))
                && (last - 1 < 0 || twoBack + oneBack < fewestDigits || runs((last - 1) << 3, twoBack + oneBack, text, out, scanner))
                && (last < 0 || oneBack < fewestDigits || runs(last << 3, oneBack, text, out, scanner));
    }

    /** The low byte of each character of {@code text[from, to)}, into {@code bytes} from 0. */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): the one copy of a String's bytes that allocates nothing
    private static void copy(CharSequence text, int from, int to, byte[] bytes) {
        if (text instanceof String) {
            ((String) text).getBytes(from, to, bytes, 0);
            return;
        }
        for (int i = from; i < to; i++) {
            bytes[i - from] = (byte) text.charAt(i);
        }
    }

    /** The high bit of each byte of {@code word} that is an ASCII digit. */
    private static long digits(long word) {
        long low = word & LOW7;
        long atLeastZero = low + 0x5050505050505050L; // high bit set from '0' (0x30) up
        long aboveNine = low + 0x4646464646464646L;    // high bit set from ':' (0x3A) up
        return atLeastZero & ~aboveNine & ~word & HIGH;
    }

    /** The high bit of each byte of {@code word} that is an ASCII capital letter. */
    private static long capitals(long word) {
        long low = word & LOW7;
        long atLeastA = low + 0x3F3F3F3F3F3F3F3FL;   // high bit set from 'A' (0x41) up
        long aboveZ = low + 0x2525252525252525L;      // high bit set from '[' (0x5B) up
        return atLeastA & ~aboveZ & ~word & HIGH;
    }

    /**
     * Offers the runs that start in the word at {@code base}, whose window holds {@code window} digits, and stand alone:
     * no ASCII letter or digit before them.
     */
    private boolean runs(int base, int window, CharSequence text, Findings out, CandidateScanner scanner) {
        final int end = Math.min(text.length(), base + 8);
        boolean previousAlnum = base > 0 && isAlnum(text.charAt(base - 1));
        for (int p = base; p < end; p++) {
            char c = text.charAt(p);
            if (isDigit(c) && !previousAlnum) {
                long m = runRules;
                while (m != 0) {
                    int bit = Long.numberOfTrailingZeros(m);
                    m &= m - 1;
                    if (window >= minDigitsByBit[bit] && !scanner.offer(bit, text, p, out)) {
                        return false;
                    }
                }
            }
            previousAlnum = isAlnum(c);
        }
        return true;
    }

    /**
     * Offers, at the first capital, each digit run at the high bits of {@code runStarts} that the bytes call a run
     * after two capitals, once the text itself confirms it.
     */
    private boolean capitals(long runStarts, int base, CharSequence text, Findings out, CandidateScanner scanner) {
        long m = runStarts;
        while (m != 0) {
            int p = base + (Long.numberOfTrailingZeros(m) >>> 3);
            m &= m - 1;
            if (p >= 2 && p + 1 < text.length() && isCapital(text.charAt(p - 1)) && isCapital(text.charAt(p - 2))
                    && isDigit(text.charAt(p)) && isDigit(text.charAt(p + 1))
                    && !scanner.offerAll(capitalRules, text, p - 2, out)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || isCapital(c) || (c >= 'a' && c <= 'z');
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
