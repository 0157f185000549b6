package dev.logshield.tls.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI generated at run time (no key or certificate is ever committed), for every test suite of this
 * module that needs TLS peers: the configuration tests, the appender and delivery tests, the rsyslog tests.
 * <pre>
 * TestPki pki = TestPki.generate(tempDir);                 // ECDSA P-256; or generate(dir, KeyType.RSA_2048)
 * pki.caCert();                                            // ca.pem: trust anchor for clients and servers
 * pki.server().chain(); pki.server().key();                // CN=localhost, DNS:localhost, IP:127.0.0.1
 * pki.client("client1").cert(); pki.client("client1").key();
 * pki.client("client1").pkcs12();                          // password TestPki.PASSWORD, alias "client1"
 * TestPki.copyReadableByNobody(pki.server().key(), rsyslogDir);   // for rsyslog running as nobody
 * </pre>
 * What it holds, all in {@link #dir()}:
 * <ul>
 * <li>{@code ca.pem}: "CN=LogShield Test CA"; {@code rogue-ca.pem}: "CN=LogShield Rogue CA", trusted by nobody;
 * {@code truststore.p12} and {@code truststore.jks}: the test CA as a trusted entry, password {@link #PASSWORD}</li>
 * <li>servers: {@link #server()} (CN=localhost, SAN DNS:localhost + IP:127.0.0.1, EKU serverAuth),
 * {@link #otherServer()} (CN=other.test, same CA: fails hostname verification for localhost),
 * {@link #rogueServer()} (CN=localhost signed by the rogue CA)</li>
 * <li>clients, by {@link #client(String)} name: {@code client1} (CN/SAN DNS client1.test, EKU clientAuth: the
 * permitted client), {@code client2} (client2.test: valid CA, meant to be left off allow-lists), {@code rogue}
 * (client1.test signed by the rogue CA), {@code expired} (client1.test, expired yesterday),
 * {@code not-yet-valid} (client1.test, valid from tomorrow), {@code server-auth-only} (client1.test whose EKU
 * lists only serverAuth); more with {@link #issueClient(String, String)}, or with any subject and SANs with
 * {@link #issueClientWithSubject}; servers valid over any dates with {@link #issueServer}</li>
 * <li>a two-level hierarchy on demand (generated at first use): {@link #intermediateCa()} "CN=LogShield Test
 * Intermediate CA", issued by the test CA, which issues {@link #intermediateServer()} (CN=localhost) and
 * {@link #intermediateClient()} (via-intermediate.test); their chain files hold the leaf then the intermediate</li>
 * <li>revocation lists on demand: {@link #revocationList} (by the test CA), {@link #rogueRevocationList},
 * {@link #intermediateRevocationList} (by the intermediate), {@link #revocationListRevokingTheIntermediate} (by
 * the test CA), {@link #expiredIntermediateRevocationList}, {@link #forgedRevocationList} (in a CA's name, signed
 * by the rogue CA)</li>
 * </ul>
 * For each identity, the files described on {@link TestIdentity}. Keys are ECDSA P-256 unless another
 * {@link KeyType} is asked for; CAs use the same key type as their leaves.
 */
public final class TestPki {

    /** The password of every encrypted key and PKCS#12 file of a test PKI. */
    public static final String PASSWORD = "test-password";

    /** Names of the clients {@link #generate} always issues. */
    public static final List<String> CLIENTS =
            List.of("client1", "client2", "rogue", "expired", "not-yet-valid", "server-auth-only");

    /** Key algorithms of a test PKI. */
    public enum KeyType {
        /** ECDSA on NIST P-256 (secp256r1), signatures SHA256withECDSA: the default. */
        EC_P256,
        /** RSA 2048, signatures SHA256withRSA. Slower to generate. */
        RSA_2048,
        /** Ed25519. Has no traditional (PKCS#1/SEC1) or legacy-encrypted key form. */
        ED25519
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final KeyType keyType;
    private final Ca ca;
    private final Ca rogueCa;
    private final Path truststore;
    private final Path jksTruststore;
    private final TestIdentity server;
    private final TestIdentity otherServer;
    private final TestIdentity rogueServer;
    private final Map<String, TestIdentity> clients = new LinkedHashMap<>();
    private Hierarchy hierarchy;

    private TestPki(Path dir, KeyType keyType) throws GeneralSecurityException, IOException {
        this.dir = Files.createDirectories(dir);
        this.keyType = keyType;
        Instant now = Instant.now();
        ca = newCa("ca", "CN=LogShield Test CA", now);
        rogueCa = newCa("rogue-ca", "CN=LogShield Rogue CA", now);
        truststore = writeTruststore("PKCS12", "truststore.p12");
        jksTruststore = writeTruststore("JKS", "truststore.jks");
        Instant from = now.minus(Duration.ofHours(1));
        Instant to = now.plus(Duration.ofDays(30));
        server = issue(ca, "server", "localhost", List.of(dns("localhost"), ip("127.0.0.1")), KeyPurposeId.id_kp_serverAuth, from, to);
        otherServer = issue(ca, "other-server", "other.test", List.of(dns("other.test")), KeyPurposeId.id_kp_serverAuth, from, to);
        rogueServer = issue(rogueCa, "rogue-server", "localhost", List.of(dns("localhost"), ip("127.0.0.1")),
                KeyPurposeId.id_kp_serverAuth, from, to);
        put(issue(ca, "client1", "client1.test", List.of(dns("client1.test")), KeyPurposeId.id_kp_clientAuth, from, to));
        put(issue(ca, "client2", "client2.test", List.of(dns("client2.test")), KeyPurposeId.id_kp_clientAuth, from, to));
        put(issue(rogueCa, "rogue", "client1.test", List.of(dns("client1.test")), KeyPurposeId.id_kp_clientAuth, from, to));
        put(issue(ca, "expired", "client1.test", List.of(dns("client1.test")), KeyPurposeId.id_kp_clientAuth,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));
        put(issue(ca, "not-yet-valid", "client1.test", List.of(dns("client1.test")), KeyPurposeId.id_kp_clientAuth,
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
        put(issue(ca, "server-auth-only", "client1.test", List.of(dns("client1.test")), KeyPurposeId.id_kp_serverAuth, from, to));
    }

    /** A fresh ECDSA P-256 PKI written into {@code dir} (created if missing). */
    public static TestPki generate(Path dir) {
        return generate(dir, KeyType.EC_P256);
    }

    /** A fresh PKI of {@code keyType} keys written into {@code dir} (created if missing). */
    public static TestPki generate(Path dir, KeyType keyType) {
        try {
            return new TestPki(dir, keyType);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot generate the test PKI in " + dir, e);
        }
    }

    /** {@link #PASSWORD} as a fresh array. */
    public static char[] password() {
        return PASSWORD.toCharArray();
    }

    /** The directory holding every file. */
    public Path dir() {
        return dir;
    }

    /** The key algorithm of every key of this PKI. */
    public KeyType keyType() {
        return keyType;
    }

    /** {@code ca.pem}: the test CA certificate, the trust anchor of clients and servers. */
    public Path caCert() {
        return ca.certFile;
    }

    /** The test CA certificate. */
    public X509Certificate ca() {
        return ca.certificate;
    }

    /** {@code rogue-ca.pem}: a CA that nothing trusts. */
    public Path rogueCaCert() {
        return rogueCa.certFile;
    }

    /** {@code truststore.p12}: the test CA as a trusted certificate entry, password {@link #PASSWORD}. */
    public Path truststore() {
        return truststore;
    }

    /** {@code truststore.jks}: the same as a JKS key store. */
    public Path jksTruststore() {
        return jksTruststore;
    }

    /** CN=localhost, SAN DNS:localhost and IP:127.0.0.1, EKU serverAuth, signed by the test CA. */
    public TestIdentity server() {
        return server;
    }

    /** CN=other.test, SAN DNS:other.test, EKU serverAuth, signed by the test CA. */
    public TestIdentity otherServer() {
        return otherServer;
    }

    /** CN=localhost like {@link #server()}, but signed by the rogue CA. */
    public TestIdentity rogueServer() {
        return rogueServer;
    }

    /**
     * The client named {@code name}: one of {@link #CLIENTS} or one made by {@link #issueClient}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public TestIdentity client(String name) {
        TestIdentity identity = clients.get(name);
        if (identity == null) {
            throw new IllegalArgumentException("no test client '" + name + "'; known: " + clients.keySet());
        }
        return identity;
    }

    /**
     * Issues one more client certificate from the test CA (CN and SAN DNS {@code dnsName}, EKU clientAuth, valid
     * for 30 days), writes its files and makes it available as {@code client(name)}.
     */
    public synchronized TestIdentity issueClient(String name, String dnsName) {
        if (clients.containsKey(name) || Set.of("server", "other-server", "rogue-server", "ca", "rogue-ca", "intermediate-ca",
                "intermediate-server", "via-intermediate").contains(name)) {
            throw new IllegalArgumentException("the test PKI already has an identity named '" + name + "'");
        }
        Instant now = Instant.now();
        try {
            return put(issue(ca, name, dnsName, List.of(dns(dnsName)), KeyPurposeId.id_kp_clientAuth,
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30))));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue test client " + name, e);
        }
    }

    /**
     * Issues one more server certificate from the test CA, CN=localhost with SAN DNS:localhost and IP:127.0.0.1 like
     * {@link #server()}, EKU serverAuth, valid from {@code notBefore} to {@code notAfter} (in the past for an expired
     * server, in the future for one not yet valid), and writes its files under {@code name}.
     */
    public synchronized TestIdentity issueServer(String name, Instant notBefore, Instant notAfter) {
        if (clients.containsKey(name) || Set.of("server", "other-server", "rogue-server", "ca", "rogue-ca", "intermediate-ca",
                "intermediate-server", "via-intermediate").contains(name)) {
            throw new IllegalArgumentException("the test PKI already has an identity named '" + name + "'");
        }
        try {
            return put(issue(ca, name, "localhost", List.of(dns("localhost"), ip("127.0.0.1")),
                    KeyPurposeId.id_kp_serverAuth, notBefore, notAfter));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue test server " + name, e);
        }
    }

    /**
     * "CN=LogShield Test Intermediate CA" ({@code intermediate-ca.pem}), a CA (path length 0) issued by the test CA;
     * generated with {@link #intermediateServer()} and {@link #intermediateClient()} at the first call.
     */
    public X509Certificate intermediateCa() {
        return hierarchy().intermediate.certificate;
    }

    /** {@code intermediate-ca.pem}: {@link #intermediateCa()}. */
    public Path intermediateCaCert() {
        return hierarchy().intermediate.certFile;
    }

    /** CN=localhost, SAN DNS:localhost and IP:127.0.0.1, EKU serverAuth, issued by {@link #intermediateCa()}. */
    public TestIdentity intermediateServer() {
        return hierarchy().server;
    }

    /** CN and SAN DNS via-intermediate.test, EKU clientAuth, issued by {@link #intermediateCa()}. */
    public TestIdentity intermediateClient() {
        return hierarchy().client;
    }

    /**
     * Issues one more client certificate from the test CA with {@code subject} as the JDK reads it (RFC 2253, e.g.
     * {@code CN=billing,O=Example}; any characters, encoded as the JDK encodes them) and exactly {@code altNames} as
     * its SANs (no subjectAltName extension when there are none), EKU clientAuth, valid for 30 days; available as
     * {@code client(name)}, whose {@link TestIdentity#dnsName()} is then the first DNS SAN, else the subject.
     */
    public synchronized TestIdentity issueClientWithSubject(String name, String subject, GeneralName... altNames) {
        if (clients.containsKey(name) || Set.of("server", "other-server", "rogue-server", "ca", "rogue-ca").contains(name)) {
            throw new IllegalArgumentException("the test PKI already has an identity named '" + name + "'");
        }
        String shownAs = subject;
        for (GeneralName altName : altNames) {
            if (altName.getTagNo() == GeneralName.dNSName) {
                shownAs = altName.getName().toString();
                break;
            }
        }
        Instant now = Instant.now();
        try {
            return put(issue(ca, name, X500Name.getInstance(new X500Principal(subject).getEncoded()), shownAs,
                    List.of(altNames), KeyPurposeId.id_kp_clientAuth, now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofDays(30))));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue test client " + name, e);
        }
    }

    /**
     * Writes {@code fileName} into {@link #dir()} (replacing it): a certificate revocation list (PEM) of the test CA,
     * valid for a day, listing the certificates of {@code revoked}.
     */
    public Path revocationList(String fileName, TestIdentity... revoked) {
        return writeCrl(ca.certificate, ca, fileName, serials(revoked), Duration.ofDays(1));
    }

    /** As {@link #revocationList}, but signed by the rogue CA, which nothing trusts. */
    public Path rogueRevocationList(String fileName, TestIdentity... revoked) {
        return writeCrl(rogueCa.certificate, rogueCa, fileName, serials(revoked), Duration.ofDays(1));
    }

    /** A CRL of the test CA, valid for a day, that lists {@link #intermediateCa()}. */
    public Path revocationListRevokingTheIntermediate(String fileName) {
        return writeCrl(ca.certificate, ca, fileName, List.of(intermediateCa().getSerialNumber()), Duration.ofDays(1));
    }

    /** A CRL of {@link #intermediateCa()}, valid for a day, listing the leaves of {@code revoked}. */
    public Path intermediateRevocationList(String fileName, TestIdentity... revoked) {
        Ca intermediate = hierarchy().intermediate;
        return writeCrl(intermediate.certificate, intermediate, fileName, serials(revoked), Duration.ofDays(1));
    }

    /** As {@link #intermediateRevocationList}, but its next update was an hour ago. */
    public Path expiredIntermediateRevocationList(String fileName, TestIdentity... revoked) {
        Ca intermediate = hierarchy().intermediate;
        return writeCrl(intermediate.certificate, intermediate, fileName, serials(revoked), Duration.ofHours(-1));
    }

    /**
     * A CRL in the name of {@code inTheNameOf} (the test CA, {@link #intermediateCa()}...), valid for a day, listing
     * {@code revoked}, but signed by the rogue CA's key.
     */
    public Path forgedRevocationList(String fileName, X509Certificate inTheNameOf, TestIdentity... revoked) {
        return writeCrl(inTheNameOf, rogueCa, fileName, serials(revoked), Duration.ofDays(1));
    }

    private static List<BigInteger> serials(TestIdentity... identities) {
        return java.util.Arrays.stream(identities).map(i -> i.certificate().getSerialNumber()).toList();
    }

    /**
     * Writes a CRL in the name of {@code issuer}, signed with {@code signer}'s key, issued five minutes ago and due
     * for renewal {@code nextUpdate} from now (negative: already past).
     */
    private Path writeCrl(X509Certificate issuer, Ca signer, String fileName, List<BigInteger> revoked, Duration nextUpdate) {
        Instant now = Instant.now();
        Instant thisUpdate = nextUpdate.isNegative() ? now.plus(nextUpdate).minus(Duration.ofDays(1))
                : now.minus(Duration.ofMinutes(5));
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(now.plus(nextUpdate)));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(thisUpdate.minus(Duration.ofMinutes(1))), CRLReason.keyCompromise);
        }
        try {
            X509CRL crl = new JcaX509CRLConverter().getCRL(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm()).build(signer.keys.getPrivate())));
            Path file = dir.resolve(fileName);
            Path written = Files.createTempFile(dir, fileName, ".tmp");
            TestKeyFiles.writePem(written, crl);
            // replaced in one step, as an operator's tooling would: a reader never sees it half written
            return Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot write the revocation list " + fileName, e);
        }
    }

    /**
     * Copies {@code file} into {@code targetDir} (created if missing) so that user {@code nobody} can read it, as
     * rsyslog dropped to nobody must read its key: owned by nobody with mode 0400 when this process may change
     * owners (root), mode 0644 otherwise. Directories from {@code targetDir} up that are owned by this user and lie
     * under {@code java.io.tmpdir} gain search permission for others (x, never r), so a JUnit {@code @TempDir}
     * works as {@code targetDir} or its parent.
     *
     * @return the copy
     * @throws IllegalStateException when some directory on the way cannot be searched by nobody
     */
    public static Path copyReadableByNobody(Path file, Path targetDir) {
        try {
            Files.createDirectories(targetDir);
            Path copy = targetDir.resolve(file.getFileName());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            try {
                UserPrincipal nobody = copy.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
                Files.setOwner(copy, nobody);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r--------"));
            } catch (IOException | UnsupportedOperationException | SecurityException notRoot) {
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            }
            makeSearchable(targetDir.toAbsolutePath().normalize());
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " into " + targetDir, e);
        }
    }

    private static void makeSearchable(Path directory) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        String me = System.getProperty("user.name");
        for (Path d = directory.toRealPath(); d != null; d = d.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(d);
            if (permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                continue;
            }
            if (d.startsWith(tmp) && !d.equals(tmp) && Files.getOwner(d).getName().equals(me)) {
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(d, permissions);
            } else {
                throw new IllegalStateException("user nobody cannot enter " + d + "; copy the files somewhere under "
                        + tmp + " instead");
            }
        }
    }

    private TestIdentity put(TestIdentity identity) {
        clients.put(identity.name(), identity);
        return identity;
    }

    private Ca newCa(String name, String subject, Instant now) throws GeneralSecurityException, IOException {
        KeyPair keys = newKeyPair();
        X500Name dn = new X500Name(subject);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(dn, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), dn, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate certificate = sign(builder, keys.getPrivate());
        Path file = dir.resolve(name + ".pem");
        TestKeyFiles.writePem(file, certificate);
        return new Ca(keys, certificate, file);
    }

    private synchronized Hierarchy hierarchy() {
        if (hierarchy == null) {
            try {
                Instant now = Instant.now();
                KeyPair keys = newKeyPair();
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate, serial(),
                        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                        new X500Name("CN=LogShield Test Intermediate CA"), keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                        .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.certificate));
                X509Certificate certificate = sign(builder, ca.keys.getPrivate());
                Path file = dir.resolve("intermediate-ca.pem");
                TestKeyFiles.writePem(file, certificate);
                Ca intermediate = new Ca(keys, certificate, file);
                Instant from = now.minus(Duration.ofHours(1));
                Instant to = now.plus(Duration.ofDays(30));
                hierarchy = new Hierarchy(intermediate,
                        issue(intermediate, "intermediate-server", "localhost", List.of(dns("localhost"), ip("127.0.0.1")),
                                KeyPurposeId.id_kp_serverAuth, from, to),
                        issue(intermediate, "via-intermediate", "via-intermediate.test",
                                List.of(dns("via-intermediate.test")), KeyPurposeId.id_kp_clientAuth, from, to));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot generate the intermediate CA of the test PKI", e);
            }
        }
        return hierarchy;
    }

    private TestIdentity issue(Ca issuer, String name, String commonName, List<GeneralName> sans, KeyPurposeId purpose,
            Instant notBefore, Instant notAfter) throws GeneralSecurityException, IOException {
        return issue(issuer, name, new X500Name("CN=" + commonName), commonName, sans, purpose, notBefore, notAfter);
    }

    private TestIdentity issue(Ca issuer, String name, X500Name subject, String shownAs, List<GeneralName> sans,
            KeyPurposeId purpose, Instant notBefore, Instant notAfter) throws GeneralSecurityException, IOException {
        KeyPair keys = newKeyPair();
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        int usage = KeyUsage.digitalSignature | (keyType == KeyType.RSA_2048 ? KeyUsage.keyEncipherment : 0);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate, serial(),
                Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer.certificate));
        if (!sans.isEmpty()) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
        }
        X509Certificate certificate = sign(builder, issuer.keys.getPrivate());
        return TestKeyFiles.write(dir, name, shownAs, keys, List.of(certificate, issuer.certificate));
    }

    private Path writeTruststore(String type, String fileName) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("logshield-test-ca", ca.certificate);
        Path file = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password());
        }
        return file;
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        switch (keyType) {
            case RSA_2048: {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, RANDOM);
                return generator.generateKeyPair();
            }
            case ED25519:
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            default: {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                return generator.generateKeyPair();
            }
        }
    }

    private String signatureAlgorithm() {
        switch (keyType) {
            case RSA_2048:
                return "SHA256withRSA";
            case ED25519:
                return "Ed25519";
            default:
                return "SHA256withECDSA";
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm()).build(issuerKey)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }

    private static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    private static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    /** The intermediate CA and the two leaves it issues. */
    private record Hierarchy(Ca intermediate, TestIdentity server, TestIdentity client) {
    }

    private static final class Ca {
        final KeyPair keys;
        final X509Certificate certificate;
        final Path certFile;

        Ca(KeyPair keys, X509Certificate certificate, Path certFile) {
            this.keys = keys;
            this.certificate = certificate;
            this.certFile = certFile;
        }
    }
}
