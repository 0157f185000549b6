package dev.logshield.tls.config;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/** How certificates are named in messages: RFC 2253 names, SANs as {@code DNS:x}, instants in UTC to the second. */
final class CertificateText {

    private static final Map<Integer, String> SAN_TYPES = Map.of(1, "email", 2, "DNS", 6, "URI", 7, "IP");

    private CertificateText() {
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    /** Subject alternative names as {@code DNS:name}, {@code IP:address}...; empty when there are none. */
    static List<String> subjectAlternativeNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    String type = SAN_TYPES.getOrDefault((Integer) san.get(0), "other");
                    names.add(type + ":" + (san.get(1) instanceof String ? san.get(1) : "?"));
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable)");
        }
        return names;
    }

    static String utc(Date date) {
        return date.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code subject=...; issuer=...; SAN=...; notAfter=...; pin=sha256/...}, for status messages. */
    static String describe(X509Certificate certificate) {
        List<String> sans = subjectAlternativeNames(certificate);
        return "subject=" + subject(certificate) + "; issuer=" + issuer(certificate)
                + "; SAN=" + (sans.isEmpty() ? "none" : String.join(",", sans))
                + "; notAfter=" + utc(certificate.getNotAfter()) + "; pin=" + SpkiPin.of(certificate);
    }
}
