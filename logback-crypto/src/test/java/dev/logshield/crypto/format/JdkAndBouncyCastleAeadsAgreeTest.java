package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential test of the record AEADs: the JDK provider (with its AES-GCM intrinsics once compiled) and
 * BouncyCastle's pure-Java code produce identical ciphertext and tag for the same key, nonce and associated data,
 * and each opens the other's output, for every payload size from 0 to 4096 bytes and around multiples of 768 bytes
 * and of 8 KiB, where intrinsic code paths change (JDK-8371864 class of bugs). The JDK side is called the way
 * {@link RecordCipher} calls it (output at an offset, 45 bytes of associated data shaped like LSE's, 96-bit
 * counter nonces), and the AES-GCM sweep runs twice so that the second one exercises compiled code.
 */
class JdkAndBouncyCastleAeadsAgreeTest {

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void jdkAndBouncyCastleAgreeOnEverySize(CipherSuite suite) throws Exception {
        Random random = new Random(20240521L + suite.id());
        // one instance per direction, as a writer and a reader each have theirs: the JDK's ChaCha20-Poly1305 refuses
        // to re-initialise an instance with the key and nonce it was last initialised with, even to decrypt
        Cipher sealer = Cipher.getInstance(suite.transformation());
        Cipher opener = Cipher.getInstance(suite.transformation());
        List<String> wrong = new ArrayList<>();
        // AES-GCM runs twice so that the second sweep exercises the JIT-compiled intrinsics; JDK 17 has none for
        // ChaCha20-Poly1305
        int passes = suite == CipherSuite.AES_256_GCM ? 2 : 1;
        for (int pass = 0; pass < passes; pass++) {
            for (int size : sizes()) {
                byte[] key = bytes(random, 32);
                byte[] nonce = new byte[12];
                System.arraycopy(bytes(random, 8), 0, nonce, 4, 8);
                byte[] aad = bytes(random, LseFormat.DIGEST_LENGTH + 8 + 1 + 4);
                byte[] plain = bytes(random, size);

                byte[] fromJdk = jdkSeal(sealer, suite, key, nonce, aad, plain);
                byte[] fromBc = bcRun(suite, true, key, nonce, aad, plain);
                if (!Arrays.equals(fromJdk, fromBc)) {
                    wrong.add(size + " bytes: ciphertexts differ");
                    continue;
                }
                if (!Arrays.equals(jdkOpen(opener, suite, key, nonce, aad, fromBc), plain)) {
                    wrong.add(size + " bytes: the JDK does not open BouncyCastle's output");
                }
                if (!Arrays.equals(bcRun(suite, false, key, nonce, aad, fromJdk), plain)) {
                    wrong.add(size + " bytes: BouncyCastle does not open the JDK's output");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** 0..4096, then ±3 around every multiple of 768 up to 16 KiB and ±16 around 8, 16 and 32 KiB. */
    static TreeSet<Integer> sizes() {
        TreeSet<Integer> sizes = new TreeSet<>();
        for (int size = 0; size <= 4096; size++) {
            sizes.add(size);
        }
        for (int m = 768; m <= 16_384; m += 768) {
            for (int d = -3; d <= 3; d++) {
                sizes.add(m + d);
            }
        }
        for (int m : new int[] {8192, 16_384, 32_768}) {
            for (int d = -16; d <= 16; d++) {
                sizes.add(m + d);
            }
        }
        return sizes;
    }

    private static byte[] jdkSeal(Cipher cipher, CipherSuite suite, byte[] key, byte[] nonce, byte[] aad, byte[] plain)
            throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, suite.keyAlgorithm()), parameters(suite, nonce));
        cipher.updateAAD(aad);
        int offset = LseFormat.FRAME_HEADER_LENGTH;
        byte[] frame = new byte[offset + plain.length + LseFormat.TAG_LENGTH];
        int n = cipher.doFinal(plain, 0, plain.length, frame, offset);
        return Arrays.copyOfRange(frame, offset, offset + n);
    }

    private static byte[] jdkOpen(Cipher cipher, CipherSuite suite, byte[] key, byte[] nonce, byte[] aad, byte[] body)
            throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, suite.keyAlgorithm()), parameters(suite, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(body, 0, body.length);
    }

    private static java.security.spec.AlgorithmParameterSpec parameters(CipherSuite suite, byte[] nonce) {
        return suite == CipherSuite.AES_256_GCM ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
    }

    private static byte[] bcRun(CipherSuite suite, boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] in)
            throws InvalidCipherTextException {
        AEADCipher cipher = suite == CipherSuite.AES_256_GCM
                ? GCMBlockCipher.newInstance(AESEngine.newInstance())
                : new ChaCha20Poly1305();
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[cipher.getOutputSize(in.length)];
        int n = cipher.processBytes(in, 0, in.length, out, 0);
        n += cipher.doFinal(out, n);
        return Arrays.copyOf(out, n);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
