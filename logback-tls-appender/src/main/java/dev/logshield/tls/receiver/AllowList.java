package dev.logshield.tls.receiver;

import dev.logshield.tls.config.SpkiPin;
import dev.logshield.tls.config.TlsConfigException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * Which verified clients may send events: the TLS handshake proves a certificate chains to a trusted CA; this
 * decides whether that particular client is welcome. A client is allowed when any entry matches:
 * <ul>
 * <li>{@code <allowedName>}: its CN or one of its SAN DNS names, compared case-insensitively; a leading
 * {@code *.} matches exactly one more label ({@code *.example.internal} allows {@code web-1.example.internal}, not
 * {@code example.internal} nor {@code a.b.example.internal});</li>
 * <li>{@code <allowedSubject>}: its whole subject DN, compared as {@link X500Principal}s (attribute order and case
 * as X.500 compares them, not as strings);</li>
 * <li>{@code <allowedSpki>}: the SHA-256 pin of its public key, {@code sha256/BASE64}.</li>
 * </ul>
 * Or every verified client, with {@code <allowAnyClient>true</allowAnyClient>}. Immutable.
 */
final class AllowList {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    private final Set<String> exactNames;
    private final Set<String> wildcardParents;
    private final Set<X500Principal> subjects;
    private final Set<SpkiPin> pins;
    private final boolean anyClient;

    private AllowList(Set<String> exactNames, Set<String> wildcardParents, Set<X500Principal> subjects,
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
            String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
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
        Set<X500Principal> subjects = new LinkedHashSet<>();
        for (String subject : subjectNames) {
            try {
                if (subject == null || subject.isBlank()) {
                    throw new IllegalArgumentException("empty");
                }
                subjects.add(new X500Principal(subject.strip()));
            } catch (IllegalArgumentException e) {
                throw new TlsConfigException("<allowedSubject>" + subject + "</allowedSubject> is not a distinguished"
                        + " name (" + e.getMessage() + "); write it as RFC 2253 shows it, e.g. CN=web-2,O=Example"
                        + " (openssl x509 -noout -subject -nameopt RFC2253 -in client.pem)", e);
            }
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
        if (anyClient || pins.contains(client.pin()) || subjects.contains(client.subject())) {
            return true;
        }
        if (nameAllowed(client.commonName().toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String dns : client.dnsNames()) {
            if (nameAllowed(dns)) {
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
        subjects.forEach(s -> entries.add(s.getName(X500Principal.RFC2253)));
        pins.forEach(p -> entries.add(p.toString()));
        return String.join(", ", entries);
    }

    private boolean nameAllowed(String name) {
        if (name.isEmpty()) {
            return false;
        }
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
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
}
