package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.KekWrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keys a reader opens segments with: age identity files ({@code -i}, repeatable, each may hold several
 * identities) and a key-encryption key from a PKCS#12 keystore ({@code --keystore --alias} with the password from
 * the environment or a file).
 */
final class ReaderKeyOptions {

    private ReaderKeyOptions() {
    }

    static void declare(ArgumentParser parser) {
        parser.value("--identity", "-i", "FILE", true, "age identity file (AGE-SECRET-KEY-1...) of a reader")
                .value("--keystore", null, "FILE", false, "PKCS#12 keystore holding a key-encryption key")
                .value("--alias", null, "NAME", false, "alias of the key-encryption key in --keystore");
        PasswordOption.declare(parser, "--", "--keystore");
    }

    /** The keys given; empty when none. */
    static List<DataKeyUnwrapper> load(ParsedArguments arguments, CommandContext context)
            throws UsageException, KeyMaterialException {
        List<DataKeyUnwrapper> keys = new ArrayList<>();
        for (String file : arguments.values("--identity")) {
            keys.addAll(HpkeIdentity.readIdentityFile(Path.of(file)));
        }
        String keystore = arguments.value("--keystore");
        if (keystore == null) {
            if (arguments.has("--alias") || arguments.has("--password-env") || arguments.has("--password-file")) {
                throw new UsageException("--alias and the password options need --keystore");
            }
            return keys;
        }
        String alias = arguments.required("--alias", "with --keystore");
        char[] password = PasswordOption.read(arguments, context, "--", "--keystore " + keystore);
        try {
            keys.add(KekWrapper.load(Path.of(keystore), password, alias));
        } finally {
            Arrays.fill(password, '\0');
        }
        return keys;
    }

    /** The keys given; at least one is required. */
    static List<DataKeyUnwrapper> require(ParsedArguments arguments, CommandContext context, String command)
            throws UsageException, KeyMaterialException {
        List<DataKeyUnwrapper> keys = load(arguments, context);
        if (keys.isEmpty()) {
            throw new UsageException(command + " needs a reader key: -i IDENTITY_FILE, or --keystore FILE --alias NAME"
                    + " --password-env VAR");
        }
        return keys;
    }
}
