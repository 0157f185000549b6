package dev.logshield.redact.logback;

import dev.logshield.redact.policy.HashKeySpec;
import dev.logshield.redact.policy.PolicyException;
import java.nio.file.Path;

/**
 * The {@code <hashKey>} element: where the secret for the {@code hash} action comes from. Exactly one of
 * {@code env}, {@code file} or {@code keystore} is given.
 *
 * <pre>{@code
 * <hashKey>
 *   <env>LOGSHIELD_HASH_KEY</env>      <!-- base64 of >= 16 random bytes: openssl rand -base64 32 -->
 *   <keyId>k1</keyId>                  <!-- written into every token; change it when the key changes -->
 * </hashKey>
 * <hashKey>
 *   <keystore>/etc/app/hash.p12</keystore><password>${HASH_KS_PASSWORD}</password><alias>logshield</alias>
 * </hashKey>
 * }</pre>
 */
public final class HashKeyElement {

    private String env;
    private String file;
    private String keystore;
    private String password;
    private String alias;
    private String keyId = "k1";

    public void setEnv(String env) {
        this.env = env;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public void setKeystore(String keystore) {
        this.keystore = keystore;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    HashKeySpec toSpec() throws PolicyException {
        int sources = (blank(env) ? 0 : 1) + (blank(file) ? 0 : 1) + (blank(keystore) ? 0 : 1);
        if (sources != 1) {
            throw new PolicyException("<hashKey> needs exactly one of <env>, <file> or <keystore>");
        }
        if (!blank(env)) {
            return HashKeySpec.env(env.trim()).withKeyId(keyId);
        }
        if (!blank(file)) {
            return HashKeySpec.file(Path.of(file.trim())).withKeyId(keyId);
        }
        if (password == null) {
            throw new PolicyException("<hashKey><keystore> needs a <password> (use ${ENV_VAR} substitution)");
        }
        if (blank(alias)) {
            throw new PolicyException("<hashKey><keystore> needs an <alias>");
        }
        return HashKeySpec.keystore(Path.of(keystore.trim()), password.toCharArray(), alias.trim()).withKeyId(keyId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        // no password in the identity string: it is used as a registry key and may be logged
        return env + "|" + file + "|" + keystore + "|" + alias + "|" + keyId + "|" + (password == null ? 0 : password.hashCode());
    }
}
