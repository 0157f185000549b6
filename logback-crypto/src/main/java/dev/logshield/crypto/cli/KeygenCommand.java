package dev.logshield.crypto.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code logcrypt keygen}: reader identities, key-encryption keys and seal key chains. */
final class KeygenCommand implements Command {

    private static final int DEFAULT_INTERVAL_SECONDS = 15 * 60;

    @Override
    public String name() {
        return "keygen";
    }

    @Override
    public String summary() {
        return "create a reader identity (X25519), a key-encryption key (--kek) or a seal key chain (--seal)";
    }

    @Override
    public String usage() {
        return "logcrypt keygen [--out FILE]\n"
                + "       logcrypt keygen --kek --keystore FILE --alias NAME (--password-env VAR | --password-file F)\n"
                + "       logcrypt keygen --seal --state FILE [--interval 15m] [--verify-key-out FILE]";
    }

    @Override
    public String description() {
        return """
                Without --kek or --seal: a new X25519 reader identity in age's format (# created, # public key,
                AGE-SECRET-KEY-1...). With --out it is written to FILE (mode 0600, never over an existing file) and
                the recipient (age1..., for the appender's <recipient>) is printed; without --out the identity goes
                to standard output and the recipient to standard error, like age-keygen.
                --kek: a new AES-256 key-encryption key in a new PKCS#12 keystore (mode 0600) under --alias; the
                password comes from an environment variable or a file, never from the command line.
                --seal: a new seal key chain for forward-secure checkpoints: the host's state file (mode 0600,
                the appender's <sealState>) and the auditor's verification key line (LSE-SEAL-VERIFY-1 ...), printed
                or written to --verify-key-out. Epochs last --interval (default 15m; s, m, h or d).
                Exit code: 0 created, 1 failed (nothing is ever overwritten), 2 usage, 3 key error.""";
    }

    @Override
    public ArgumentParser parser() {
        ArgumentParser parser = new ArgumentParser(name())
                .value("--out", "-o", "FILE", false, "identity file to create (default: standard output)")
                .flag("--kek", "create a key-encryption key in a PKCS#12 keystore")
                .value("--keystore", null, "FILE", false, "keystore to create (--kek)")
                .value("--alias", null, "NAME", false, "alias of the key in the keystore (--kek)");
        PasswordOption.declare(parser, "--", "the keystore (--kek)");
        return parser
                .flag("--seal", "create a seal key chain for forward-secure checkpoints")
                .value("--state", null, "FILE", false, "host seal state file to create (--seal)")
                .value("--interval", null, "DURATION", false, "seal epoch length, e.g. 15m, 900s, 1h (--seal)")
                .value("--verify-key-out", null, "FILE", false, "write the auditor's verification key here (--seal)");
    }

    @Override
    public int run(ParsedArguments arguments, CommandContext context) throws Exception {
        if (!arguments.positionals().isEmpty()) {
            throw new UsageException("keygen takes no file argument (use --out, --keystore or --state)");
        }
        boolean kek = arguments.has("--kek");
        boolean seal = arguments.has("--seal");
        if (kek && seal) {
            throw new UsageException("give --kek or --seal, not both");
        }
        if (kek) {
            onlyWith(arguments, "--kek", "--keystore", "--alias", "--password-env", "--password-file");
            Path keystore = Path.of(arguments.required("--keystore", "with --kek"));
            String alias = arguments.required("--alias", "with --kek");
            char[] password = PasswordOption.read(arguments, context, "--", "--kek");
            try {
                return KekKeygen.run(keystore, alias, password, context);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        if (seal) {
            onlyWith(arguments, "--seal", "--state", "--interval", "--verify-key-out");
            Path state = Path.of(arguments.required("--state", "with --seal"));
            String out = arguments.value("--verify-key-out");
            return SealKeygen.run(state, intervalSeconds(arguments.value("--interval")), out == null ? null : Path.of(out),
                    context);
        }
        onlyWith(arguments, null, "--out");
        String out = arguments.value("--out");
        return IdentityKeygen.run(out == null ? null : Path.of(out), context);
    }

    /** Refuses options that belong to another kind of key. */
    private void onlyWith(ParsedArguments arguments, String mode, String... allowed) throws UsageException {
        List<String> permitted = Arrays.asList(allowed);
        for (Option option : parser().options()) {
            String name = option.name();
            if (arguments.has(name) && !name.equals(mode) && !permitted.contains(name)) {
                throw new UsageException(name + " does not apply to " + (mode == null ? "an identity (keygen without"
                        + " --kek or --seal)" : "keygen " + mode));
            }
        }
    }

    /** Seconds of a duration such as {@code 900}, {@code 900s}, {@code 15m}, {@code 1h}, {@code 1d}. */
    static int intervalSeconds(String value) throws UsageException {
        if (value == null) {
            return DEFAULT_INTERVAL_SECONDS;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!text.isEmpty() && "smhd".indexOf(text.charAt(text.length() - 1)) >= 0) {
            unit = switch (text.charAt(text.length() - 1)) {
                case 'm' -> 60;
                case 'h' -> 3_600;
                case 'd' -> 86_400;
                default -> 1;
            };
            text = text.substring(0, text.length() - 1);
        }
        try {
            long seconds = Math.multiplyExact(Long.parseLong(text), unit);
            if (seconds > 0 && seconds <= Integer.MAX_VALUE) {
                return (int) seconds;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new UsageException("--interval must be a positive duration such as 900s, 15m or 1h, not '" + value + "'");
    }
}
