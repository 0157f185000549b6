package dev.logshield.tls.receiver;

import dev.logshield.tls.config.TlsConfigException;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1NumericString;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ASN1VisibleString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * One {@code <allowedSubject>}: a distinguished name that a client's certificate subject must equal attribute by
 * attribute, exactly. The same RDNs in the same order, each with the same set of attributes (a multi-valued RDN
 * such as {@code CN=a+UID=b} matches in either order inside it), each attribute the same type (OID) with the same
 * value: string values compared as the exact characters they decode to, whatever string type encodes them, with no
 * case folding and no Unicode normalisation ({@link X500Principal#equals} does both: it would take a full-width
 * {@code CN=ｂａｔｃｈ}, or {@code CN=BATCH}, for {@code CN=batch}); other values compared by their DER encoding.
 * The text is read as RFC 2253 (RFC 4514) writes it, by the JDK's parser; the certificate's subject is decoded from its
 * DER by BouncyCastle. Immutable.
 */
final class ExactSubject {

    private final X500Principal principal;
    private final List<List<AttributeTypeAndValue>> rdns;

    private ExactSubject(X500Principal principal) {
        this.principal = principal;
        this.rdns = rdns(principal);
    }

    /**
     * Parses {@code text}, e.g. {@code CN=web-2,O=Example}.
     *
     * @throws TlsConfigException saying how to write it when it is empty or not a distinguished name
     */
    static ExactSubject parse(String text) throws TlsConfigException {
        try {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("empty");
            }
            return new ExactSubject(new X500Principal(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new TlsConfigException("<allowedSubject>" + text + "</allowedSubject> is not a distinguished"
                    + " name (" + e.getMessage() + "); write it as RFC 2253 shows it, e.g. CN=web-2,O=Example"
                    + " (openssl x509 -noout -subject -nameopt RFC2253 -in client.pem)", e);
        }
    }

    /** Whether {@code subject} has exactly these attributes, in these RDNs, in this order. */
    boolean matches(X500Principal subject) {
        List<List<AttributeTypeAndValue>> other;
        try {
            other = rdns(subject);
        } catch (IllegalArgumentException undecodable) {
            return false;
        }
        if (other.size() != rdns.size()) {
            return false;
        }
        for (int i = 0; i < rdns.size(); i++) {
            if (!sameAttributes(rdns.get(i), other.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The name in RFC 2253 form, for the start-up status line. */
    @Override
    public String toString() {
        return principal.getName(X500Principal.RFC2253);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactSubject && principal.getName(X500Principal.RFC2253)
                .equals(((ExactSubject) o).principal.getName(X500Principal.RFC2253));
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The RDNs of {@code name} in DER order, each as its attributes. */
    private static List<List<AttributeTypeAndValue>> rdns(X500Principal name) {
        List<List<AttributeTypeAndValue>> rdns = new ArrayList<>();
        for (RDN rdn : X500Name.getInstance(name.getEncoded()).getRDNs()) {
            rdns.add(List.of(rdn.getTypesAndValues()));
        }
        return rdns;
    }

    /** The same attributes, as sets: each of {@code a} in {@code b}, as many times. */
    private static boolean sameAttributes(List<AttributeTypeAndValue> a, List<AttributeTypeAndValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<AttributeTypeAndValue> unmatched = new ArrayList<>(b);
        for (AttributeTypeAndValue attribute : a) {
            int found = -1;
            for (int i = 0; i < unmatched.size() && found < 0; i++) {
                if (same(attribute, unmatched.get(i))) {
                    found = i;
                }
            }
            if (found < 0) {
                return false;
            }
            unmatched.remove(found);
        }
        return true;
    }

    private static boolean same(AttributeTypeAndValue a, AttributeTypeAndValue b) {
        return a.getType().equals(b.getType()) && sameValue(a.getValue(), b.getValue());
    }

    private static boolean sameValue(ASN1Encodable a, ASN1Encodable b) {
        if (isCharacterString(a) && isCharacterString(b)) {
            return ((ASN1String) a).getString().equals(((ASN1String) b).getString());
        }
        return a.toASN1Primitive().equals(b.toASN1Primitive());
    }

    /**
     * The string types whose {@link ASN1String#getString()} is their characters (for a UniversalString or a BIT
     * STRING it is a {@code #hex} rendering, which a UTF8String could spell: those compare by encoding).
     */
    private static boolean isCharacterString(ASN1Encodable value) {
        return value instanceof ASN1UTF8String || value instanceof ASN1PrintableString || value instanceof ASN1IA5String
                || value instanceof ASN1BMPString || value instanceof ASN1T61String || value instanceof ASN1VisibleString
                || value instanceof ASN1NumericString;
    }
}
