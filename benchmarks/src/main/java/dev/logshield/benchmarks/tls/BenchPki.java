package dev.logshield.benchmarks.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI made at run time for the TLS benchmarks (no key or certificate is ever committed): a CA, a
 * server certificate for {@code localhost} / {@code 127.0.0.1} and one client certificate, all ECDSA P-256. The
 * client's key and chain and the CA go into PKCS#12 files that both appenders read, so they present the same
 * identity and trust the same anchor; the sink's key never leaves memory. {@link #close()} deletes the files.
 */
public final class BenchPki implements AutoCloseable {

    /** The client certificate's common name, which the sink checks on every connection. */
    public static final String CLIENT_CN = "bench-client.test";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final String password;
    private final Path clientKeyStore;
    private final Path trustStore;
    private final KeyStore serverKeys;
    private final KeyStore trust;

    private BenchPki(Path dir) throws GeneralSecurityException, IOException {
        this.dir = dir;
        byte[] secret = new byte[12];
        RANDOM.nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret); // no fixed password anywhere
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofHours(1)));
        Date to = Date.from(now.plus(Duration.ofDays(2)));

        KeyPair caKeys = ecKeyPair();
        X500Name caName = new X500Name("CN=LogShield Benchmark CA");
        X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), from, to, caName, caKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign)), caKeys.getPrivate());

        KeyPair serverKeyPair = ecKeyPair();
        X509Certificate server = sign(leaf(ca, "localhost", serverKeyPair, from, to, KeyPurposeId.id_kp_serverAuth,
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")),
                caKeys.getPrivate());
        KeyPair clientKeyPair = ecKeyPair();
        X509Certificate client = sign(leaf(ca, CLIENT_CN, clientKeyPair, from, to, KeyPurposeId.id_kp_clientAuth,
                new GeneralName(GeneralName.dNSName, CLIENT_CN)), caKeys.getPrivate());

        trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        serverKeys = KeyStore.getInstance("PKCS12");
        serverKeys.load(null, null);
        serverKeys.setKeyEntry("server", serverKeyPair.getPrivate(), password.toCharArray(), new X509Certificate[] {server, ca});
        KeyStore clientKeys = KeyStore.getInstance("PKCS12");
        clientKeys.load(null, null);
        clientKeys.setKeyEntry("client", clientKeyPair.getPrivate(), password.toCharArray(), new X509Certificate[] {client, ca});

        clientKeyStore = store(clientKeys, "client.p12");
        trustStore = store(trust, "truststore.p12");
    }

    /** Generates a PKI into a new temporary directory. */
    public static BenchPki generate() {
        try {
            return new BenchPki(Files.createTempDirectory("logshield-tls-bench-"));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot generate the benchmark PKI", e);
        }
    }

    /** The client's key and chain (alias {@code client}), PKCS#12, protected by {@link #password()}. */
    public Path clientKeyStore() {
        return clientKeyStore;
    }

    /** The CA as a trusted certificate entry, PKCS#12, protected by {@link #password()}. */
    public Path trustStore() {
        return trustStore;
    }

    /** The password of both PKCS#12 files, random for each PKI. */
    public String password() {
        return password;
    }

    /** The sink's context: the server certificate, and the CA as the only anchor for client certificates. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(serverKeys, password.toCharArray());
            TrustManagerFactory trusts = TrustManagerFactory.getInstance("PKIX");
            trusts.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trusts.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the sink's TLS context", e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private Path store(KeyStore store, String name) throws GeneralSecurityException, IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static X509v3CertificateBuilder leaf(X509Certificate issuer, String cn, KeyPair keys, Date from, Date to,
            KeyPurposeId purpose, GeneralName... names) throws IOException {
        return new JcaX509v3CertificateBuilder(issuer, serial(), from, to, new X500Name("CN=" + cn), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(63, RANDOM).add(BigInteger.ONE);
    }
}
