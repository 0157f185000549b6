package dev.logshield.crypto;

/**
 * A key-encryption key in a PKCS#12 keystore, configured inside {@link EncryptedFileAppender} (repeatable):
 * <pre>{@code
 * <keystore>
 *   <file>/etc/app/log-kek.p12</file>
 *   <alias>logs-2026</alias>
 *   <password>${LOG_KEK_PASSWORD}</password>
 * </keystore>
 * }</pre>
 * There is no default password; use Logback's {@code ${ENV_VAR}} substitution rather than a literal.
 */
public class KeystoreKey {

    private String file;
    private String alias;
    private String password;

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    String password() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public String toString() {
        return "keystore " + file + " alias " + alias;
    }
}
