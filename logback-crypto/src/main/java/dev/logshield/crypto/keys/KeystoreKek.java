package dev.logshield.crypto.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Loads and creates AES key-encryption keys (KEKs) held as secret-key entries of a PKCS#12 keystore, the form
 * {@code keytool -genseckey -keyalg AES -keysize 256 -storetype PKCS12} and {@code logcrypt keygen --kek} write.
 * The entry is protected by the keystore password. Every failure has its own message, so that an operator can
 * tell a missing file from a wrong password from a wrong alias.
 */
public final class KeystoreKek {

    private static final String TYPE = "PKCS12";
    private static final String HOW_TO_CREATE =
            "create one with: keytool -genseckey -keyalg AES -keysize 256 -storetype PKCS12 -alias <alias> -keystore <file>";

    private KeystoreKek() {
    }

    /**
     * The AES key (128 or 256 bits) stored under {@code alias}.
     *
     * @throws KeyMaterialException with distinct messages for: file missing or unreadable, not a PKCS#12 keystore,
     *         wrong keystore password, alias absent (naming the aliases present), entry not a secret key, key not
     *         AES or not 128/256 bits
     */
    public static SecretKey load(Path keystore, char[] password, String alias) throws KeyMaterialException {
        KeyStore store = open(keystore, password);
        try {
            if (!store.containsAlias(alias)) {
                List<String> present = new ArrayList<>(Collections.list(store.aliases()));
                Collections.sort(present);
                throw new KeyMaterialException("no entry '" + alias + "' in keystore " + keystore
                        + (present.isEmpty() ? " (the keystore is empty)" : "; entries present: " + String.join(", ", present)));
            }
            if (!store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                String kind = store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class) ? "a private key"
                        : store.entryInstanceOf(alias, KeyStore.TrustedCertificateEntry.class) ? "a trusted certificate"
                        : "not a secret key";
                throw new KeyMaterialException("entry '" + alias + "' in keystore " + keystore + " is " + kind
                        + " entry, not a secret (AES) key; " + HOW_TO_CREATE);
            }
            Key key;
            try {
                key = store.getKey(alias, password);
            } catch (UnrecoverableKeyException e) {
                throw new KeyMaterialException("entry '" + alias + "' in keystore " + keystore
                        + " is protected by a password other than the keystore password; give it the keystore's", e);
            }
            return requireAes(key, "entry '" + alias + "' in keystore " + keystore);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("cannot read entry '" + alias + "' of keystore " + keystore + ": " + e, e);
        }
    }

    /**
     * Writes a new PKCS#12 keystore holding {@code key} under {@code alias}, protected by {@code password}: mode 0600,
     * written to a temporary file in the same directory and renamed into place.
     *
     * @throws KeyMaterialException when the key is not AES-128/256, the file already exists (it is never
     *         overwritten) or cannot be written
     */
    public static void create(Path keystore, char[] password, String alias, SecretKey key) throws KeyMaterialException {
        SecretKey aes = requireAes(key, "the key-encryption key");
        if (alias == null || alias.isBlank()) {
            throw new KeyMaterialException("a keystore alias must not be empty");
        }
        if (Files.exists(keystore)) {
            throw new KeyMaterialException("keystore " + keystore + " already exists; refusing to overwrite it");
        }
        byte[] content;
        try {
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, null);
            store.setEntry(alias, new KeyStore.SecretKeyEntry(aes), new KeyStore.PasswordProtection(password));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            content = out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyMaterialException("cannot build PKCS#12 keystore " + keystore + ": " + e, e);
        }
        try {
            PrivateFiles.replaceAtomically(keystore, content);
        } catch (IOException e) {
            throw new KeyMaterialException("cannot write keystore " + keystore + ": " + e, e);
        }
    }

    /** {@code key} as an "AES" key of 16 or 32 bytes. */
    static SecretKey requireAes(Key key, String what) throws KeyMaterialException {
        if (key == null || !"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new KeyMaterialException(what + " is " + (key == null ? "absent" : "a " + key.getAlgorithm() + " key")
                    + ", not AES; " + HOW_TO_CREATE);
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new KeyMaterialException(what + " does not expose its bytes; only extractable AES keys are supported");
        }
        try {
            if (encoded.length != 16 && encoded.length != 32) {
                throw new KeyMaterialException(what + " is AES-" + encoded.length * 8
                        + "; a key-encryption key must be AES-256 (or AES-128)");
            }
            return new SecretKeySpec(encoded, "AES");
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static KeyStore open(Path keystore, char[] password) throws KeyMaterialException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keystore);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException("keystore not found: " + keystore, e);
        } catch (AccessDeniedException e) {
            throw new KeyMaterialException("cannot read keystore " + keystore + ": permission denied", e);
        } catch (IOException e) {
            throw new KeyMaterialException("cannot read keystore " + keystore + ": " + e, e);
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(TYPE);
        } catch (KeyStoreException e) {
            throw new IllegalStateException("PKCS12 keystores are required by every Java SE platform", e);
        }
        try {
            store.load(new ByteArrayInputStream(bytes), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                // the JDK reports a failed PKCS#12 integrity (MAC) check this way: the password is wrong
                throw new KeyMaterialException("wrong keystore password for " + keystore, e);
            }
            throw new KeyMaterialException("not a PKCS#12 keystore: " + keystore + " (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("not a PKCS#12 keystore LogShield can read: " + keystore + " (" + e + ")", e);
        }
    }
}
