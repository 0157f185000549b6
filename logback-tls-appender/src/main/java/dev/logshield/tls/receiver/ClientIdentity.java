package dev.logshield.tls.receiver;

import dev.logshield.tls.config.SpkiPin;
import java.net.InetSocketAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Who is on the other end of a connection, as its verified certificate says: subject, common name, DNS names,
 * SPKI pin, and the remote address. This, not anything the client writes, is what goes into each event's
 * {@code client.*} MDC keys. Its host names ({@link #hostNames()}) follow RFC 6125 6.4.4: the SAN DNS names when the
 * certificate has a subjectAltName extension, the CN only when it has none. Immutable.
 */
final class ClientIdentity {

    private static final int DNS_NAME = 2;
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";

    private final X500Principal subject;
    private final String commonName;
    private final List<String> dnsNames;
    private final boolean hasAltNames;
    private final SpkiPin pin;
    private final String address;

    private ClientIdentity(X500Principal subject, String commonName, List<String> dnsNames, boolean hasAltNames,
            SpkiPin pin, String address) {
        this.subject = subject;
        this.commonName = commonName;
        this.dnsNames = dnsNames;
        this.hasAltNames = hasAltNames;
        this.pin = pin;
        this.address = address;
    }

    /** The identity of {@code leaf}, a client certificate the TLS handshake has verified. */
    static ClientIdentity of(X509Certificate leaf, InetSocketAddress remote) {
        X500Principal subject = leaf.getSubjectX500Principal();
        // present but unreadable counts as present: the CN is then not trusted as a name either
        boolean hasAltNames = leaf.getExtensionValue(SUBJECT_ALT_NAME) != null;
        return new ClientIdentity(subject, commonName(subject), dnsNames(leaf), hasAltNames, SpkiPin.of(leaf),
                address(remote));
    }

    /** {@code ip:port}, IPv6 in brackets. */
    static String address(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        String ip = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + remote.getPort();
    }

    X500Principal subject() {
        return subject;
    }

    /** The subject in RFC 2253 form, e.g. {@code CN=web-1,O=Example}. */
    String subjectName() {
        return subject.getName(X500Principal.RFC2253);
    }

    /** The (last) CN of the subject, or empty when it has none. */
    String commonName() {
        return commonName;
    }

    /** The SAN DNS names, as the certificate has them. */
    List<String> dnsNames() {
        return dnsNames;
    }

    /**
     * The host names {@code <allowedName>} is compared with: the SAN DNS names when the certificate has a
     * subjectAltName extension, the CN (if any) only when it has none. A certificate whose SANs are only e-mail
     * addresses, URIs or IP addresses names no host, whatever its CN says: RFC 6125 lets a CN count only where the
     * certificate has no identifier of a type the verifier supports, and CAs put every identifier they vouch for
     * in the SANs, so a CN beside them is unchecked text.
     */
    List<String> hostNames() {
        if (hasAltNames) {
            return dnsNames;
        }
        return commonName.isEmpty() ? List.of() : List.of(commonName);
    }

    SpkiPin pin() {
        return pin;
    }

    /** The remote {@code ip:port}. */
    String address() {
        return address;
    }

    /**
     * What per-client limits (connections, events per second) count by: the subject as RFC 2253 writes it, which
     * stays the same when a client renews its certificate. Not the canonical form, which folds case and Unicode
     * compatibility characters: {@code CN=ｂａｔｃｈ} would share the limits of {@code CN=batch}.
     */
    String limitKey() {
        return subjectName();
    }

    /**
     * The client's name in metrics, the stats line and status messages: its first host name ({@link #hostNames()}),
     * else the subject. Never a CN the allow-list would not take as a name.
     */
    String displayName() {
        List<String> names = hostNames();
        return names.isEmpty() ? subjectName() : names.get(0);
    }

    /** {@code subject=CN=..; SAN=DNS:a,DNS:b; pin=sha256/..; from 10.0.0.7:53122}, for status messages. */
    String describe() {
        return "subject=" + subjectName() + "; SAN=" + (dnsNames.isEmpty() ? "none" : "DNS:" + String.join(",DNS:", dnsNames))
                + "; pin=" + pin + "; from " + address;
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String commonName(X500Principal subject) {
        try {
            String cn = "";
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = String.valueOf(rdn.getValue());
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return "";
        }
    }

    private static List<String> dnsNames(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(DNS_NAME).equals(san.get(0)) && san.get(1) instanceof String) {
                        names.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // a SAN extension the JDK cannot read names no host (and hides the CN): the subject and pin still identify
        }
        return List.copyOf(names);
    }
}
