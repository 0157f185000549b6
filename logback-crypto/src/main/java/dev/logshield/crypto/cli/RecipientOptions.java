package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.keys.HpkeRecipient;
import dev.logshield.crypto.keys.KekWrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The new readers of {@code rewrap}: age recipients ({@code --to age1...}, repeatable) and a key-encryption key
 * from a PKCS#12 keystore ({@code --to-keystore --to-alias} with the password from the environment or a file).
 */
final class RecipientOptions {

    private RecipientOptions() {
    }

    static void declare(ArgumentParser parser) {
        parser.value("--to", null, "age1...", true, "new reader: an X25519 recipient")
                .value("--to-keystore", null, "FILE", false, "new reader: the key-encryption key in this keystore")
                .value("--to-alias", null, "NAME", false, "alias of the key-encryption key in --to-keystore");
        PasswordOption.declare(parser, "--to-", "--to-keystore");
    }

    /** The new readers; at least one is required. */
    static List<DataKeyWrapper> require(ParsedArguments arguments, CommandContext context)
            throws UsageException, KeyMaterialException {
        List<DataKeyWrapper> readers = new ArrayList<>();
        for (String recipient : arguments.values("--to")) {
            try {
                readers.add(HpkeRecipient.parse(recipient));
            } catch (KeyMaterialException e) {
                throw new KeyMaterialException("--to " + recipient + ": " + e.getMessage(), e);
            }
        }
        String keystore = arguments.value("--to-keystore");
        if (keystore != null) {
            String alias = arguments.required("--to-alias", "with --to-keystore");
            char[] password = PasswordOption.read(arguments, context, "--to-", "--to-keystore " + keystore);
            try {
                readers.add(KekWrapper.load(Path.of(keystore), password, alias));
            } finally {
                Arrays.fill(password, '\0');
            }
        } else if (arguments.has("--to-alias") || arguments.has("--to-password-env")
                || arguments.has("--to-password-file")) {
            throw new UsageException("--to-alias and the --to- password options need --to-keystore");
        }
        if (readers.isEmpty()) {
            throw new UsageException("rewrap needs at least one new reader: --to age1... or --to-keystore FILE"
                    + " --to-alias NAME --to-password-env VAR");
        }
        return readers;
    }
}
