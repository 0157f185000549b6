package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.KekWrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.KeystoreKek;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * {@code logcrypt keygen --kek}: a new AES-256 key-encryption key as a secret-key entry of a new PKCS#12 keystore
 * (mode 0600, never over an existing file), protected by a password from the environment or a file. Prints the
 * key's alias and id, never the key.
 */
final class KekKeygen {

    private KekKeygen() {
    }

    /** Creates the keystore; the caller clears {@code password}. */
    static int run(Path keystore, String alias, char[] password, CommandContext context)
            throws KeyMaterialException, CommandFailedException {
        if (Files.exists(keystore)) {
            throw new CommandFailedException("keystore " + keystore + " already exists; refusing to overwrite it");
        }
        SecretKey key;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, new SecureRandom());
            key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key generation is required by every Java SE platform", e);
        }
        KekWrapper wrapper = KekWrapper.of(alias, key);
        KeystoreKek.create(keystore, password, alias, key);
        context.out().println(keystore + ": " + wrapper.describe());
        return 0;
    }
}
