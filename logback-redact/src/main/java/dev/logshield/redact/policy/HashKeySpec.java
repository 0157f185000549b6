package dev.logshield.redact.policy;

import dev.logshield.redact.engine.KeyedHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the secret key of the {@code hash} action comes from: an environment variable or a file holding the
 * base64 of at least {@value KeyedHasher#MIN_KEY_BYTES} random bytes (make one with
 * {@code openssl rand -base64 32}), or a secret-key entry of a PKCS#12 keystore. The key is read by
 * {@link #load()}, once, when the policy is compiled; the spec itself holds no key material.
 *
 * <p>The key id (default {@value #DEFAULT_KEY_ID}) is written into every token so that tokens made under a
 * rotated key are never mistaken for comparable ones.
 *
 * <p>In a policy file:
 * <pre>{@code
 * hashKey: { env: LOGSHIELD_HASH_KEY, keyId: k1 }
 * hashKey: { file: /run/secrets/logshield-hash.key }
 * hashKey: { keystore: /etc/logshield/keys.p12, passwordEnv: KEYSTORE_PASSWORD, alias: logshield-hash }
 * }</pre>
 * A keystore entry is created with
 * {@code keytool -genseckey -storetype PKCS12 -keystore keys.p12 -alias logshield-hash -keyalg HmacSHA256 -keysize 256}.
 */
public final class HashKeySpec {

    /** Key id used when none is given. */
    public static final String DEFAULT_KEY_ID = "k1";

    private static final String HOW_TO_MAKE = "make one with `openssl rand -base64 32`";
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

    private enum Source { ENV, FILE, KEYSTORE }

    private final Source source;
    private final String variable;
    private final Path path;
    private final char[] password;
    private final String passwordVariable;
    private final String alias;
    private final String keyId;
    private final Function<String, String> environment;

    private HashKeySpec(Source source, String variable, Path path, char[] password, String passwordVariable,
                        String alias, String keyId, Function<String, String> environment) {
        this.source = source;
        this.variable = variable;
        this.path = path;
        this.password = password;
        this.passwordVariable = passwordVariable;
        this.alias = alias;
        this.keyId = keyId;
        this.environment = environment;
    }

    /** The key is the base64 value of environment variable {@code varName}. */
    public static HashKeySpec env(String varName) {
        requireText(varName, "environment variable name");
        return new HashKeySpec(Source.ENV, varName, null, null, null, null, DEFAULT_KEY_ID, System::getenv);
    }

    /** The key is the base64 content of {@code file} (surrounding whitespace ignored). */
    public static HashKeySpec file(Path file) {
        Objects.requireNonNull(file, "file");
        return new HashKeySpec(Source.FILE, null, file, null, null, null, DEFAULT_KEY_ID, System::getenv);
    }

    /**
     * The key is the secret-key entry {@code alias} of PKCS#12 keystore {@code p12}, protected by
     * {@code password} (used for the store and the entry). The password array is copied.
     */
    public static HashKeySpec keystore(Path p12, char[] password, String alias) {
        Objects.requireNonNull(p12, "keystore");
        Objects.requireNonNull(password, "password");
        requireText(alias, "keystore alias");
        return new HashKeySpec(Source.KEYSTORE, null, p12, password.clone(), null, alias, DEFAULT_KEY_ID,
                System::getenv);
    }

    /** Like {@link #keystore}, with the password read from environment variable {@code passwordVariable}. */
    public static HashKeySpec keystoreWithPasswordFromEnv(Path p12, String passwordVariable, String alias) {
        Objects.requireNonNull(p12, "keystore");
        requireText(passwordVariable, "password environment variable name");
        requireText(alias, "keystore alias");
        return new HashKeySpec(Source.KEYSTORE, null, p12, null, passwordVariable, alias, DEFAULT_KEY_ID,
                System::getenv);
    }

    /** A copy with key id {@code id} ({@code [A-Za-z0-9_-]+}). */
    public HashKeySpec withKeyId(String id) {
        if (id == null || id.isEmpty() || id.length() > 32
                || !id.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            throw new IllegalArgumentException("hash key id '" + id + "' is invalid: use 1 to 32 letters, digits, '-' or '_'");
        }
        return new HashKeySpec(source, variable, path, password, passwordVariable, alias, id, environment);
    }

    /** A copy that reads environment variables through {@code lookup} (tests cannot set real ones). */
    HashKeySpec withEnvironment(Function<String, String> lookup) {
        return new HashKeySpec(source, variable, path, password, passwordVariable, alias, keyId,
                Objects.requireNonNull(lookup));
    }

    /** The key id written into tokens. */
    public String keyId() {
        return keyId;
    }

    /** Where the key comes from, for messages: never includes secrets. */
    public String describe() {
        switch (source) {
            case ENV: return "environment variable " + variable;
            case FILE: return "file " + path;
            default: return "keystore " + path + " entry '" + alias + "'";
        }
    }

    /**
     * Reads the key. The caller owns the returned array and should clear it once used.
     *
     * @throws PolicyException when the key is missing, malformed, shorter than {@value KeyedHasher#MIN_KEY_BYTES}
     *                         bytes or cannot be unlocked; the message says which and how to fix it
     */
    public byte[] load() throws PolicyException {
        switch (source) {
            case ENV: return loadFromEnvironment();
            case FILE: return loadFromFile();
            default: return loadFromKeystore();
        }
    }

    private byte[] loadFromEnvironment() throws PolicyException {
        String value = environment.apply(variable);
        if (value == null) {
            throw new PolicyException("environment variable " + variable + " is not set; set it to the base64 of at least "
                    + KeyedHasher.MIN_KEY_BYTES + " random bytes (" + HOW_TO_MAKE + ")");
        }
        return decode(value, describe());
    }

    private byte[] loadFromFile() throws PolicyException {
        byte[] raw;
        try {
            if (Files.size(path) > MAX_KEY_FILE_BYTES) {
                throw new PolicyException("hash key file " + path + " is too large to hold a key; it must contain the base64 of at least "
                        + KeyedHasher.MIN_KEY_BYTES + " random bytes (" + HOW_TO_MAKE + ")");
            }
            raw = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new PolicyException("hash key file " + path + " does not exist; create it with "
                    + "`openssl rand -base64 32 > " + path + "` and make it readable only by the application user");
        } catch (AccessDeniedException e) {
            throw new PolicyException("hash key file " + path + " is not readable by this process (permission denied)");
        } catch (IOException e) {
            throw new PolicyException("cannot read hash key file " + path + ": " + e.getMessage(), e);
        }
        try {
            return decode(new String(raw, StandardCharsets.ISO_8859_1), describe());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] decode(String value, String where) throws PolicyException {
        StringBuilder compact = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        if (compact.length() == 0) {
            throw new PolicyException(where + " is empty; it must hold the base64 of at least "
                    + KeyedHasher.MIN_KEY_BYTES + " random bytes (" + HOW_TO_MAKE + ")");
        }
        String text = compact.toString();
        byte[] key;
        try {
            key = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(where + " is not valid base64; it must hold the base64 of at least "
                    + KeyedHasher.MIN_KEY_BYTES + " random bytes (" + HOW_TO_MAKE + ")");
        }
        if (key.length < KeyedHasher.MIN_KEY_BYTES) {
            int n = key.length;
            Arrays.fill(key, (byte) 0);
            throw new PolicyException(where + " holds a key of " + n + " bytes; at least " + KeyedHasher.MIN_KEY_BYTES
                    + " are needed (" + HOW_TO_MAKE + ")");
        }
        return key;
    }

    private byte[] loadFromKeystore() throws PolicyException {
        char[] pass = password;
        if (pass == null) {
            String value = environment.apply(passwordVariable);
            if (value == null || value.isEmpty()) {
                throw new PolicyException("environment variable " + passwordVariable
                        + " (password of keystore " + path + ") is not set");
            }
            pass = value.toCharArray();
        }
        if (pass.length == 0) {
            throw new PolicyException("keystore " + path + " has an empty password; protect the PKCS#12 store "
                    + "holding the hash key with a password");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, pass);
            }
            if (!store.containsAlias(alias)) {
                throw new PolicyException("keystore " + path + " has no entry '" + alias + "'; its entries are "
                        + Collections.list(store.aliases()));
            }
            if (!store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                String kind = store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class) ? "a private key"
                        : store.isCertificateEntry(alias) ? "a trusted certificate" : "not a secret key";
                throw new PolicyException("entry '" + alias + "' of keystore " + path + " is " + kind
                        + ", not a secret key; create one with `keytool -genseckey -storetype PKCS12 -keystore "
                        + path + " -alias " + alias + " -keyalg HmacSHA256 -keysize 256`");
            }
            Key key = store.getKey(alias, pass);
            byte[] encoded = key == null ? null : key.getEncoded();
            if (encoded == null || encoded.length < KeyedHasher.MIN_KEY_BYTES) {
                throw new PolicyException("entry '" + alias + "' of keystore " + path + " holds a key of "
                        + (encoded == null ? 0 : encoded.length) + " bytes; at least " + KeyedHasher.MIN_KEY_BYTES
                        + " are needed (use -keysize 256)");
            }
            return encoded;
        } catch (NoSuchFileException e) {
            throw new PolicyException("keystore " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw new PolicyException("keystore " + path + " is not readable by this process (permission denied)");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password")) {
                throw new PolicyException("wrong password for keystore " + path + " (or the file is damaged)");
            }
            throw new PolicyException("cannot read keystore " + path + " as PKCS#12: " + e.getMessage(), e);
        } catch (UnrecoverableKeyException e) {
            throw new PolicyException("entry '" + alias + "' of keystore " + path + " cannot be unlocked with the "
                    + "store password; LogShield expects the entry to use the store password");
        } catch (GeneralSecurityException e) {
            throw new PolicyException("cannot read keystore " + path + ": " + e.getMessage(), e);
        } finally {
            if (pass != password) {
                Arrays.fill(pass, '\0');
            }
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HashKeySpec)) {
            return false;
        }
        HashKeySpec other = (HashKeySpec) o;
        return source == other.source && Objects.equals(variable, other.variable) && Objects.equals(path, other.path)
                && Arrays.equals(password, other.password) && Objects.equals(passwordVariable, other.passwordVariable)
                && Objects.equals(alias, other.alias) && keyId.equals(other.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, variable, path, passwordVariable, alias, keyId);
    }

    /** Describes the source and key id; never the password. */
    @Override
    public String toString() {
        return "HashKeySpec[" + describe() + ", keyId=" + keyId + "]";
    }
}
