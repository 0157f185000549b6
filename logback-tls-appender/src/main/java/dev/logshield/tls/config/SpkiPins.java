package dev.logshield.tls.config;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The set of SPKI pins a server's verified leaf certificate must match; empty means "no pinning" (chain
 * validation and hostname verification still apply: pins never replace them). Configured in logback.xml as one
 * or more {@code <pin>} elements or a comma-separated list:
 * <pre>
 * &lt;pin&gt;sha256/YLh1dUR9y6Kja30RrAn7JKnbQG/uEtLMkBgFF2Fuihg=&lt;/pin&gt;
 * </pre>
 * List a backup key's pin next to the current one so a key rotation does not cut logging off. Immutable.
 */
public final class SpkiPins {

    private static final SpkiPins NONE = new SpkiPins(Set.of());

    private final Set<SpkiPin> pins;

    private SpkiPins(Set<SpkiPin> pins) {
        this.pins = pins;
    }

    /** No pinning. */
    public static SpkiPins none() {
        return NONE;
    }

    /** Exactly these pins (duplicates collapse, order kept for messages). */
    public static SpkiPins of(Collection<SpkiPin> pins) {
        return pins.isEmpty() ? NONE : new SpkiPins(Collections.unmodifiableSet(new LinkedHashSet<>(pins)));
    }

    /**
     * Parses pins separated by commas, semicolons or white space; blank text means no pinning.
     *
     * @throws TlsConfigException for the first pin that is not {@code sha256/BASE64}, see {@link SpkiPin#parse}
     */
    public static SpkiPins parse(String text) throws TlsConfigException {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<SpkiPin> parsed = new ArrayList<>();
        for (String part : text.strip().split("[,;\\s]+")) {
            parsed.add(SpkiPin.parse(part));
        }
        return of(parsed);
    }

    /** Whether pinning is off. */
    public boolean isEmpty() {
        return pins.isEmpty();
    }

    /** Whether {@code pin} is one of these. */
    public boolean contains(SpkiPin pin) {
        return pins.contains(pin);
    }

    /** Whether {@code certificate}'s public key is one of these pins. */
    public boolean matches(X509Certificate certificate) {
        return pins.contains(SpkiPin.of(certificate));
    }

    /** The pins, in configuration order. */
    public Set<SpkiPin> pins() {
        return pins;
    }

    /** This set plus {@code more}. */
    public SpkiPins with(SpkiPins more) {
        List<SpkiPin> all = new ArrayList<>(pins);
        all.addAll(more.pins);
        return of(all);
    }

    /** The pins, comma-separated, as {@link #parse} reads them; empty when there are none. */
    @Override
    public String toString() {
        return pins.stream().map(SpkiPin::toString).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpkiPins && pins.equals(((SpkiPins) other).pins);
    }

    @Override
    public int hashCode() {
        return pins.hashCode();
    }
}
