package dev.logshield.tls.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptor;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;

/** Writes an identity's files in every form {@link TestIdentity} lists, the way OpenSSL writes them. */
final class TestKeyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Provider BC = new BouncyCastleProvider();

    private TestKeyFiles() {
    }

    static TestIdentity write(Path dir, String name, String dnsName, KeyPair keys, List<X509Certificate> chain)
            throws GeneralSecurityException, IOException {
        PrivateKey key = keys.getPrivate();
        Path cert = dir.resolve(name + "-cert.pem");
        writePem(cert, chain.get(0));
        Path chainFile = dir.resolve(name + "-chain.pem");
        writePem(chainFile, chain.toArray());
        Path pkcs8 = dir.resolve(name + "-key.pem");
        writePem(pkcs8, new JcaPKCS8Generator(key, null));
        Path encrypted = dir.resolve(name + "-key-encrypted.pem");
        try {
            writePem(encrypted, new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256).setIterationCount(10_000).setRandom(RANDOM).setProvider(BC)
                    .setPassword(TestPki.password()).build()));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        Path traditional = null;
        Path legacy = null;
        if (key.getAlgorithm().equals("RSA") || key.getAlgorithm().equals("EC")) {
            PemObject plain = traditional(keys);
            traditional = dir.resolve(name + (key.getAlgorithm().equals("RSA") ? "-key-pkcs1.pem" : "-key-sec1.pem"));
            writePem(traditional, plain);
            legacy = dir.resolve(name + "-key-legacy-encrypted.pem");
            PEMEncryptor encryptor = new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).setSecureRandom(RANDOM)
                    .build(TestPki.password());
            writePem(legacy, new PemObject(plain.getType(), List.of(new PemHeader("Proc-Type", "4,ENCRYPTED"),
                    new PemHeader("DEK-Info", encryptor.getAlgorithm() + "," + HexFormat.of().withUpperCase()
                            .formatHex(encryptor.getIV()))), encryptor.encrypt(plain.getContent())));
        }
        Path pkcs12 = dir.resolve(name + ".p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(name, key, TestPki.password(), chain.toArray(X509Certificate[]::new));
        try (OutputStream out = Files.newOutputStream(pkcs12)) {
            store.store(out, TestPki.password());
        }
        return new TestIdentity(name, dnsName, cert, chainFile, pkcs8, traditional, encrypted, legacy, pkcs12, key, chain);
    }

    /** PEM blocks of certificates or BouncyCastle PEM generators, in order. */
    static void writePem(Path file, Object... objects) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        }
        Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
    }

    /**
     * PKCS#1 {@code RSA PRIVATE KEY}, or SEC1 {@code EC PRIVATE KEY} with the named curve and public key as
     * {@code openssl ec} writes it (the JDK's PKCS#8 encoding keeps the curve outside the SEC1 structure).
     */
    private static PemObject traditional(KeyPair keys) throws IOException {
        PrivateKey key = keys.getPrivate();
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        if (key.getAlgorithm().equals("RSA")) {
            return new PemObject("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
        }
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
        java.security.interfaces.ECPrivateKey ec = (java.security.interfaces.ECPrivateKey) key;
        java.security.spec.ECPoint w = ((java.security.interfaces.ECPublicKey) keys.getPublic()).getW();
        int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] point = new byte[1 + 2 * size];
        point[0] = 4;
        copyUnsigned(w.getAffineX(), point, 1, size);
        copyUnsigned(w.getAffineY(), point, 1 + size, size);
        ECPrivateKey sec1 = new ECPrivateKey(ec.getParams().getOrder().bitLength(), inner.getKey(),
                new DERBitString(point), curve);
        return new PemObject("EC PRIVATE KEY", sec1.getEncoded());
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset, int length) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > length ? bytes.length - length : 0;
        System.arraycopy(bytes, skip, target, offset + length - (bytes.length - skip), bytes.length - skip);
    }
}
