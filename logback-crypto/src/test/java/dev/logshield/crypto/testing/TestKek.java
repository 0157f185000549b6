package dev.logshield.crypto.testing;

import dev.logshield.crypto.keys.CorruptStanzaException;
import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.keys.Stanza;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A throwaway AES-KWP key for format tests that must not depend on the key-management package: stanza type 2
 * with the first 8 key bytes' complement as key id (never used outside tests).
 */
public final class TestKek implements DataKeyWrapper, DataKeyUnwrapper {

    private final byte[] key;

    public TestKek(byte[] key) {
        this.key = key.clone();
    }

    public static TestKek random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new TestKek(key);
    }

    private byte[] kid() {
        byte[] kid = Arrays.copyOf(key, 8);
        for (int i = 0; i < kid.length; i++) {
            kid[i] = (byte) ~kid[i];
        }
        return kid;
    }

    @Override
    public Stanza wrap(byte[] dataKey, byte[] segmentId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
            cipher.init(Cipher.WRAP_MODE, new SecretKeySpec(key, "AES"));
            byte[] wrapped = cipher.wrap(new SecretKeySpec(dataKey, "AES"));
            byte[] body = new byte[8 + 1 + wrapped.length];
            System.arraycopy(kid(), 0, body, 0, 8);
            System.arraycopy(wrapped, 0, body, 9, wrapped.length);
            return new Stanza(Stanza.AES_KWP, body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<byte[]> unwrap(List<Stanza> stanzas, byte[] segmentId) throws CorruptStanzaException {
        for (Stanza stanza : stanzas) {
            byte[] body = stanza.body();
            if (stanza.type() != Stanza.AES_KWP || body.length < 9 || !Arrays.equals(Arrays.copyOf(body, 8), kid())) {
                continue;
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
                cipher.init(Cipher.UNWRAP_MODE, new SecretKeySpec(key, "AES"));
                return Optional.of(cipher.unwrap(Arrays.copyOfRange(body, 9, body.length), "AES", Cipher.SECRET_KEY)
                        .getEncoded());
            } catch (GeneralSecurityException e) {
                throw new CorruptStanzaException("test stanza does not unwrap", e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "test KEK";
    }
}
