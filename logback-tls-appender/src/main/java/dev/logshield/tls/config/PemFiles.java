package dev.logshield.tls.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.EncryptionException;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads certificates and private keys from PEM files, the form OpenSSL, cfssl, step-ca, cert-manager and
 * Let's Encrypt clients write.
 * <ul>
 * <li>Certificates: every {@code CERTIFICATE} block of a file (a leaf, a chain or a CA bundle), in file order;
 * other blocks (a private key in a combined file) are skipped. A binary DER certificate is read as well.</li>
 * <li>Private keys: unencrypted PKCS#8 ({@code PRIVATE KEY}: RSA, EC, Ed25519), encrypted PKCS#8
 * ({@code ENCRYPTED PRIVATE KEY}, e.g. PBES2 with AES), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1
 * ({@code EC PRIVATE KEY}), the last two also in OpenSSL's legacy encrypted form
 * ({@code Proc-Type: 4,ENCRYPTED}).</li>
 * </ul>
 * Keys come back as the JDK's own key classes, so the JDK's TLS implementation signs with them. BouncyCastle
 * parses the PEM and decrypts legacy formats; it is never installed as a JVM-wide security provider.
 * Every failure is a {@link TlsConfigException} whose message names the file and says what to do.
 */
public final class PemFiles {

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    private PemFiles() {
    }

    /**
     * The certificates of a PEM file (or of a DER certificate), in file order.
     *
     * @throws TlsConfigException when the file is missing, unreadable, empty, holds no certificate or a malformed one
     */
    public static List<X509Certificate> readCertificates(Path file) throws TlsConfigException {
        return readCertificates(file, "certificate file");
    }

    /**
     * The one private key of a PEM file.
     *
     * @param password the password of an encrypted key; {@code null} when the key is not encrypted (a password
     *        given for an unencrypted key is not used)
     * @throws TlsConfigException when the file is missing, unreadable, holds no private key or several, the key
     *         is encrypted and no password is given, the password is wrong, or the format is not supported
     */
    public static PrivateKey readPrivateKey(Path file, char[] password) throws TlsConfigException {
        String text = readText(file, "private key file");
        Set<String> labels = labels(text);
        if (labels.equals(Set.of("OPENSSH PRIVATE KEY"))) {
            throw new TlsConfigException(noPrivateKey(file, text, labels));
        }
        List<Object> keys = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo || item instanceof PKCS8EncryptedPrivateKeyInfo
                        || item instanceof PEMKeyPair || item instanceof PEMEncryptedKeyPair) {
                    keys.add(item);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new TlsConfigException("malformed PEM in private key file " + file + " (" + describe(e)
                    + "); expected a block such as -----BEGIN PRIVATE KEY-----", e);
        }
        if (keys.isEmpty()) {
            throw new TlsConfigException(noPrivateKey(file, text, labels));
        }
        if (keys.size() > 1) {
            throw new TlsConfigException("private key file " + file + " holds " + keys.size()
                    + " private keys; keep exactly one key per file");
        }
        return toPrivateKey(file, keys.get(0), password);
    }

    static List<X509Certificate> readCertificates(Path file, String what) throws TlsConfigException {
        byte[] bytes = readBytes(file, what);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Set<String> labels = labels(text);
        if (labels.isEmpty() && bytes.length > 0 && bytes[0] == 0x30) {
            return readDer(file, what, bytes);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder) {
                    certificates.add(converter.getCertificate((X509CertificateHolder) item));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new TlsConfigException("malformed certificate in " + what + " " + file + " (" + describe(e)
                    + "); expected PEM blocks -----BEGIN CERTIFICATE-----", e);
        }
        if (certificates.isEmpty()) {
            throw new TlsConfigException(bytes.length == 0 ? what + " " + file + " is empty; expected PEM blocks -----BEGIN CERTIFICATE-----"
                    : "no certificate in " + what + " " + file + ": expected a PEM block -----BEGIN CERTIFICATE-----"
                            + (labels.isEmpty() ? " and found no PEM block at all" : " and found only " + String.join(", ", labels)));
        }
        return List.copyOf(certificates);
    }

    private static List<X509Certificate> readDer(Path file, String what, byte[] bytes) throws TlsConfigException {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes))) {
                certificates.add((X509Certificate) c);
            }
            if (!certificates.isEmpty()) {
                return List.copyOf(certificates);
            }
        } catch (CertificateException | RuntimeException e) {
            // binary, but not a DER certificate: reported below
        }
        throw new TlsConfigException(what + " " + file + " is binary data that is not a DER certificate"
                + " (a PKCS#12 key store? configure it as a key store or trust store instead);"
                + " expected PEM blocks -----BEGIN CERTIFICATE-----");
    }

    private static PrivateKey toPrivateKey(Path file, Object item, char[] password) throws TlsConfigException {
        PrivateKeyInfo info;
        if (item instanceof PrivateKeyInfo) {
            info = (PrivateKeyInfo) item;
        } else if (item instanceof PEMKeyPair) {
            info = ((PEMKeyPair) item).getPrivateKeyInfo();
        } else if (item instanceof PKCS8EncryptedPrivateKeyInfo) {
            info = decrypt(file, (PKCS8EncryptedPrivateKeyInfo) item, requirePassword(file, password));
        } else {
            info = decrypt(file, (PEMEncryptedKeyPair) item, requirePassword(file, password));
        }
        if (info == null) {
            throw new TlsConfigException("private key file " + file + " holds a key pair without its private part");
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw new TlsConfigException("the private key in " + file + " uses algorithm "
                    + info.getPrivateKeyAlgorithm().getAlgorithm() + ", which this JVM cannot use ("
                    + describe(e) + "); use an RSA, EC (P-256/P-384) or Ed25519 key", e);
        }
    }

    private static PrivateKeyInfo decrypt(Path file, PKCS8EncryptedPrivateKeyInfo encrypted, char[] password)
            throws TlsConfigException {
        InputDecryptorProvider decryptor;
        try {
            decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password);
        } catch (OperatorCreationException e) {
            throw new TlsConfigException("cannot set up decryption of private key " + file + ": " + describe(e), e);
        }
        try {
            return encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (PKCSException e) {
            if (e.getCause() instanceof OperatorCreationException) {
                throw unsupportedEncryption(file, encrypted.getEncryptionAlgorithm().getAlgorithm().getId(), e);
            }
            throw wrongPassword(file, e);
        } catch (RuntimeException e) {
            throw wrongPassword(file, e);
        }
    }

    private static PrivateKeyInfo decrypt(Path file, PEMEncryptedKeyPair encrypted, char[] password)
            throws TlsConfigException {
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password))
                    .getPrivateKeyInfo();
        } catch (EncryptionException e) {
            throw wrongPassword(file, e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("unknown encryption")) {
                throw unsupportedEncryption(file, encrypted.getDekAlgName(), e);
            }
            throw wrongPassword(file, e);
        } catch (RuntimeException e) {
            throw wrongPassword(file, e);
        }
    }

    private static char[] requirePassword(Path file, char[] password) throws TlsConfigException {
        if (password == null || password.length == 0) {
            throw new TlsConfigException("private key " + file + " is encrypted and no password is configured;"
                    + " configure the private key password");
        }
        return password;
    }

    private static TlsConfigException wrongPassword(Path file, Exception e) {
        return new TlsConfigException("cannot decrypt private key " + file
                + ": wrong password (or a damaged file); check the configured private key password", e);
    }

    private static TlsConfigException unsupportedEncryption(Path file, String algorithm, Exception e) {
        return new TlsConfigException("private key " + file + " is encrypted with " + algorithm
                + ", which LogShield cannot decrypt; re-encrypt it with:"
                + " openssl pkcs8 -topk8 -v2 aes-256-cbc -in <key> -out <new key>", e);
    }

    private static String noPrivateKey(Path file, String text, Set<String> labels) {
        if (labels.contains("OPENSSH PRIVATE KEY")) {
            return "private key file " + file + " is in OpenSSH's format, which TLS cannot use; convert it"
                    + " with: ssh-keygen -p -m PKCS8 -f <key> (on a copy), or use the key issued with the certificate";
        }
        if (text.isEmpty()) {
            return "private key file " + file + " is empty; expected a PEM block -----BEGIN PRIVATE KEY-----";
        }
        if (labels.isEmpty() && text.charAt(0) == 0x30) {
            return "private key file " + file + " is binary (DER) data, not PEM; convert it with:"
                    + " openssl pkey -inform DER -in <key> -out <key>.pem";
        }
        return "no private key in " + file + ": expected a PEM block -----BEGIN PRIVATE KEY----- (or"
                + " ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY)"
                + (labels.isEmpty() ? " and found no PEM block at all" : " and found only " + String.join(", ", labels));
    }

    private static String readText(Path file, String what) throws TlsConfigException {
        return new String(readBytes(file, what), StandardCharsets.ISO_8859_1);
    }

    static byte[] readBytes(Path file, String what) throws TlsConfigException {
        if (file == null) {
            throw new TlsConfigException("no " + what + " configured");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TlsConfigException(what + " not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new TlsConfigException("cannot read " + what + " " + file
                    + ": permission denied; make it readable by the user running the application", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new TlsConfigException(what + " " + file + " is a directory; configure the file itself", e);
            }
            throw new TlsConfigException("cannot read " + what + " " + file + ": " + describe(e), e);
        }
    }

    private static Set<String> labels(String text) {
        Set<String> labels = new LinkedHashSet<>();
        Matcher m = BEGIN.matcher(text);
        while (m.find()) {
            labels.add(m.group(1));
        }
        return labels;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** BouncyCastle's provider, used only for the ciphers of encrypted PEM keys; never installed JVM-wide. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
