package dev.logshield.tls.receiver;

import dev.logshield.tls.config.SpkiPin;
import dev.logshield.tls.config.TlsConfigException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which verified clients may send events: the TLS handshake proves a certificate chains to a trusted CA; this
 * decides whether that particular client is welcome. A client is allowed when any entry matches:
 * <ul>
 * <li>{@code <allowedName>}: one of its SAN DNS names or, only when its certificate has no subjectAltName extension
 * at all, its CN ({@link ClientIdentity#hostNames()}: where a certificate names its subject in SANs, the CN is not
 * an identifier, RFC 6125 6.4.4). Names are ASCII: an entry with any other character is a configuration error
 * (write an internationalised name as its A-label, {@code xn--...}, as certificates carry it), a client's name with
 * any other character never matches, and only A-Z and a-z compare case-insensitively (no Unicode case folding:
 * U+212A KELVIN SIGN is not {@code k}). A leading {@code *.} matches exactly one more label
 * ({@code *.example.internal} allows {@code web-1.example.internal}, not {@code example.internal} nor
 * {@code a.b.example.internal});</li>
 * <li>{@code <allowedSubject>}: its whole subject DN, attribute by attribute and exactly ({@link ExactSubject}: no
 * case folding, no Unicode normalisation);</li>
 * <li>{@code <allowedSpki>}: the SHA-256 pin of its public key, {@code sha256/BASE64}.</li>
 * </ul>
 * Or every verified client, with {@code <allowAnyClient>true</allowAnyClient>}. In the receiver's logback.xml:
 * <pre>
 * &lt;allowedName&gt;web-1.example.internal&lt;/allowedName&gt;
 * &lt;allowedName&gt;*.batch.example.internal&lt;/allowedName&gt;
 * &lt;allowedSubject&gt;CN=billing,OU=Payments,O=Example&lt;/allowedSubject&gt;
 * &lt;allowedSpki&gt;sha256/r8udi/Mxd6pLOS73Ra5SH/IHhT95ZTmjUOEIaTTNuT0=&lt;/allowedSpki&gt;
 * </pre>
 * Immutable.
 */
final class AllowList {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    private final Set<String> exactNames;
    private final Set<String> wildcardParents;
    private final Set<ExactSubject> subjects;
    private final Set<SpkiPin> pins;
    private final boolean anyClient;

    private AllowList(Set<String> exactNames, Set<String> wildcardParents, Set<ExactSubject> subjects,
            Set<SpkiPin> pins, boolean anyClient) {
        this.exactNames = exactNames;
        this.wildcardParents = wildcardParents;
        this.subjects = subjects;
        this.pins = pins;
        this.anyClient = anyClient;
    }

    /**
     * Checks every entry.
     *
     * @throws TlsConfigException naming the first bad entry, or saying what to add when the list is empty and
     *         {@code anyClient} is false
     */
    static AllowList of(List<String> names, List<String> subjectNames, List<String> spkiPins, boolean anyClient)
            throws TlsConfigException {
        Set<String> exact = new LinkedHashSet<>();
        Set<String> wildcards = new LinkedHashSet<>();
        for (String name : names) {
            String n = name == null ? "" : name.strip();
            if (!isAscii(n)) {
                throw new TlsConfigException("<allowedName>" + name + "</allowedName> has a character outside ASCII:"
                        + " names are compared as ASCII; write an internationalised name as its A-label (xn--...),"
                        + " as the certificates carry it");
            }
            n = asciiLowerCase(n);
            if (n.endsWith(".")) {
                n = n.substring(0, n.length() - 1);
            }
            boolean wildcard = n.startsWith("*.");
            String rest = wildcard ? n.substring(2) : n;
            if (!isHostName(rest) || wildcard && rest.indexOf('.') < 0) {
                throw new TlsConfigException("<allowedName>" + name + "</allowedName> is not a host name such as"
                        + " web-1.example.internal, nor a wildcard such as *.example.internal (the * stands for one"
                        + " whole label, and at least two labels must follow it)");
            }
            (wildcard ? wildcards : exact).add(rest);
        }
        Set<ExactSubject> subjects = new LinkedHashSet<>();
        for (String subject : subjectNames) {
            subjects.add(ExactSubject.parse(subject));
        }
        Set<SpkiPin> pins = new LinkedHashSet<>();
        for (String pin : spkiPins) {
            try {
                pins.add(SpkiPin.parse(pin));
            } catch (TlsConfigException e) {
                throw new TlsConfigException("<allowedSpki>: " + e.getMessage(), e);
            }
        }
        if (!anyClient && exact.isEmpty() && wildcards.isEmpty() && subjects.isEmpty() && pins.isEmpty()) {
            throw new TlsConfigException("no client is allowed: add <allowedName>, <allowedSubject> or <allowedSpki>"
                    + " for each client (or, to accept every certificate the trusted CAs issued,"
                    + " <allowAnyClient>true</allowAnyClient>)");
        }
        return new AllowList(Set.copyOf(exact), Set.copyOf(wildcards), Set.copyOf(subjects), Set.copyOf(pins), anyClient);
    }

    /** Whether any entry allows {@code client}. */
    boolean allows(ClientIdentity client) {
        if (anyClient || pins.contains(client.pin())) {
            return true;
        }
        for (ExactSubject subject : subjects) {
            if (subject.matches(client.subject())) {
                return true;
            }
        }
        for (String name : client.hostNames()) {
            if (nameAllowed(name)) {
                return true;
            }
        }
        return false;
    }

    /** True when every client is allowed ({@code <allowAnyClient>}). */
    boolean allowsAnyClient() {
        return anyClient;
    }

    /** The entries, for the start-up status line. */
    String describe() {
        if (anyClient) {
            return "any client certificate the trusted CAs issued";
        }
        List<String> entries = new ArrayList<>(exactNames);
        wildcardParents.forEach(w -> entries.add("*." + w));
        subjects.forEach(s -> entries.add(s.toString()));
        pins.forEach(p -> entries.add(p.toString()));
        return String.join(", ", entries);
    }

    /** Whether the client's host name {@code name}, as its certificate has it, is allowed. */
    private boolean nameAllowed(String name) {
        if (name.isEmpty() || !isAscii(name)) {
            return false;
        }
        String n = asciiLowerCase(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
        if (exactNames.contains(n)) {
            return true;
        }
        int dot = n.indexOf('.');
        // "*." covers one label: the part before the first dot must be a whole label (a client's own "*" is not one)
        return dot > 0 && LABEL.matcher(n.substring(0, dot)).matches() && wildcardParents.contains(n.substring(dot + 1));
    }

    private static boolean isHostName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} with A-Z made a-z and nothing else changed: no locale, no Unicode case folding. */
    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }
}
