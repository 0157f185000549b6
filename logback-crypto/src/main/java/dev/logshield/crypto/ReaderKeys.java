package dev.logshield.crypto;

import ch.qos.logback.core.CoreConstants;
import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.keys.HpkeRecipient;
import dev.logshield.crypto.keys.KekWrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the appender's {@code <recipient>} and {@code <keystore>} elements into data-key wrappers, or says why not. */
final class ReaderKeys {

    /** What Logback writes in place of an undefined {@code ${NAME}}: {@code NAME_IS_UNDEFINED}. */
    private static final Pattern UNDEFINED = Pattern.compile("([A-Za-z0-9_.-]+)" + CoreConstants.UNDEFINED_PROPERTY_SUFFIX);

    private ReaderKeys() {
    }

    /**
     * Refuses a value that holds an undefined variable, naming it: otherwise an unset {@code ${LOG_KEK_PASSWORD}}
     * would be reported as a wrong password, an unset path as a missing file.
     */
    private static void requireDefined(String element, String value) throws KeyMaterialException {
        Matcher undefined = value == null ? null : UNDEFINED.matcher(value);
        if (undefined != null && undefined.find()) {
            String name = undefined.group(1);
            throw new KeyMaterialException(element + " uses ${" + name + "}, which is not defined: set " + name
                    + " as an environment variable, a system property or a <property> of logback.xml");
        }
    }

    private static List<String> readRecipientsFile(String file) throws KeyMaterialException {
        if (file.isEmpty()) {
            throw new KeyMaterialException("<recipientsFile> is empty (an unset ${variable}?)");
        }
        requireDefined("<recipientsFile>", file);
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException("recipients file not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new KeyMaterialException("cannot read recipients file " + file + ": permission denied", e);
        } catch (IOException | RuntimeException e) {
            throw new KeyMaterialException("cannot read recipients file " + file + ": " + e.getMessage(), e);
        }
        List<String> recipients = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                recipients.add(trimmed);
            }
        }
        if (recipients.isEmpty()) {
            throw new KeyMaterialException("recipients file " + file + " lists no recipient");
        }
        return recipients;
    }

    static List<DataKeyWrapper> resolve(List<String> recipients, List<String> recipientsFiles, List<KeystoreKey> keystores)
            throws KeyMaterialException {
        List<String> all = new ArrayList<>(recipients);
        for (String file : recipientsFiles) {
            all.addAll(readRecipientsFile(file));
        }
        return resolve(all, keystores);
    }

    private static List<DataKeyWrapper> resolve(List<String> recipients, List<KeystoreKey> keystores)
            throws KeyMaterialException {
        if (recipients.isEmpty() && keystores.isEmpty()) {
            throw new KeyMaterialException("no <recipient> and no <keystore> configured: the appender never falls back"
                    + " to a default key or to clear text. Add <recipient>age1...</recipient> (from 'logcrypt keygen')"
                    + " or a <keystore>.");
        }
        List<DataKeyWrapper> readers = new ArrayList<>();
        for (String recipient : recipients) {
            if (recipient.isEmpty()) {
                throw new KeyMaterialException("<recipient> is empty (an unset ${variable}?)");
            }
            requireDefined("<recipient>", recipient);
            readers.add(HpkeRecipient.parse(recipient));
        }
        for (KeystoreKey keystore : keystores) {
            if (keystore.getFile() == null || keystore.getFile().isBlank()) {
                throw new KeyMaterialException("<keystore> without <file>");
            }
            if (keystore.getAlias() == null || keystore.getAlias().isBlank()) {
                throw new KeyMaterialException("<keystore> " + keystore.getFile() + " without <alias>");
            }
            if (keystore.password() == null || keystore.password().isEmpty()) {
                throw new KeyMaterialException("<keystore> " + keystore.getFile() + " without <password> (there is no"
                        + " default; use ${ENV_VAR})");
            }
            requireDefined("<keystore> <file>", keystore.getFile());
            requireDefined("<keystore> " + keystore.getFile() + " <alias>", keystore.getAlias());
            requireDefined("<keystore> " + keystore.getFile() + " <password>", keystore.password());
            char[] password = keystore.password().toCharArray();
            try {
                readers.add(KekWrapper.load(Path.of(keystore.getFile().trim()), password, keystore.getAlias().trim()));
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return readers;
    }
}
