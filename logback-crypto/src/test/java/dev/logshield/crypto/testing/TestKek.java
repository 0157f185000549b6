package dev.logshield.crypto.testing;

import dev.logshield.crypto.keys.CorruptStanzaException;
import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.keys.Hkdf;
import dev.logshield.crypto.keys.Stanza;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A throwaway AES-KWP key-encryption key for format tests that must not depend on the key-management package.
 * Its stanzas follow FORMAT.md exactly (type 0x02: kid = first 8 bytes of HMAC-SHA256(kek, "lse/v1 kid kek"),
 * alias length, alias, 40 wrapped bytes), so the test vectors pin the stanza layout too.
 */
public final class TestKek implements DataKeyWrapper, DataKeyUnwrapper {

    private static final int WRAPPED_LENGTH = 40;

    private final byte[] key;
    private final byte[] alias;

    public TestKek(byte[] key) {
        this(key, "");
    }

    public TestKek(byte[] key, String alias) {
        this.key = key.clone();
        this.alias = alias.getBytes(StandardCharsets.UTF_8);
    }

    public static TestKek random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new TestKek(key);
    }

    /** First 8 bytes of HMAC-SHA256(kek, "lse/v1 kid kek"). */
    public byte[] kid() {
        return Arrays.copyOf(Hkdf.hmac(key, "lse/v1 kid kek".getBytes(StandardCharsets.US_ASCII)), 8);
    }

    @Override
    public Stanza wrap(byte[] dataKey, byte[] segmentId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
            cipher.init(Cipher.WRAP_MODE, new SecretKeySpec(key, "AES"));
            byte[] wrapped = cipher.wrap(new SecretKeySpec(dataKey, "AES"));
            byte[] body = new byte[8 + 1 + alias.length + wrapped.length];
            System.arraycopy(kid(), 0, body, 0, 8);
            body[8] = (byte) alias.length;
            System.arraycopy(alias, 0, body, 9, alias.length);
            System.arraycopy(wrapped, 0, body, 9 + alias.length, wrapped.length);
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
            int aliasLength = body[8] & 0xFF;
            if (body.length != 9 + aliasLength + WRAPPED_LENGTH) {
                throw new CorruptStanzaException("test stanza is " + body.length + " bytes with a " + aliasLength
                        + "-byte alias");
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
                cipher.init(Cipher.UNWRAP_MODE, new SecretKeySpec(key, "AES"));
                return Optional.of(cipher.unwrap(Arrays.copyOfRange(body, 9 + aliasLength, body.length), "AES",
                        Cipher.SECRET_KEY).getEncoded());
            } catch (GeneralSecurityException e) {
                throw new CorruptStanzaException("test stanza does not unwrap", e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "test KEK " + dev.logshield.crypto.format.Hex.of(kid());
    }
}
