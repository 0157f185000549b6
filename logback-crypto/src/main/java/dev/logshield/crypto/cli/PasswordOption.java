package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.KeyMaterialException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A keystore password, taken only from an environment variable or the first line of a file: never from the
 * command line, where every user of the host can read it (ps, /proc, shell history).
 */
final class PasswordOption {

    /** Why {@code --password} is refused. */
    static final String NOT_ON_COMMAND_LINE = "passwords are never taken from the command line (other users can"
            + " read it): use --password-env VAR or --password-file FILE";

    private PasswordOption() {
    }

    /**
     * Declares {@code <prefix>password-env} and {@code <prefix>password-file}, and refuses {@code <prefix>password}.
     *
     * @param prefix "--" or "--to-"
     */
    static void declare(ArgumentParser parser, String prefix, String forWhat) {
        parser.value(prefix + "password-env", null, "VAR", false, "environment variable holding the password of "
                        + forWhat)
                .value(prefix + "password-file", null, "FILE", false, "file whose first line is the password of "
                        + forWhat)
                .refuse(prefix + "password", NOT_ON_COMMAND_LINE);
    }

    /** The password (the caller clears it). */
    static char[] read(ParsedArguments arguments, CommandContext context, String prefix, String forWhat)
            throws UsageException, KeyMaterialException {
        String variable = arguments.value(prefix + "password-env");
        String file = arguments.value(prefix + "password-file");
        if (variable != null && file != null) {
            throw new UsageException("give " + prefix + "password-env or " + prefix + "password-file, not both");
        }
        if (variable != null) {
            String value = context.environment().apply(variable);
            if (value == null || value.isEmpty()) {
                throw new UsageException("environment variable " + variable + " (" + prefix + "password-env) is "
                        + (value == null ? "not set" : "empty"));
            }
            return value.toCharArray();
        }
        if (file != null) {
            return firstLine(Path.of(file));
        }
        throw new UsageException(forWhat + " needs a password: " + prefix + "password-env VAR or " + prefix
                + "password-file FILE (never on the command line)");
    }

    private static char[] firstLine(Path file) throws KeyMaterialException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyMaterialException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = 0;
            while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
                end++;
            }
            if (end == 0) {
                throw new KeyMaterialException("password file " + file + " is empty");
            }
            char[] password = new char[end];
            chars.get(password, 0, end);
            Arrays.fill(chars.array(), '\0');
            return password;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
