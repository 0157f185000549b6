package dev.logshield.crypto.cli;

/** One {@code logcrypt} command: its name, its options and help, and what it does. */
interface Command {

    String name();

    /** One line for the command list of {@code logcrypt --help}. */
    String summary();

    /** {@code logcrypt <name> [options] FILE...} */
    String usage();

    /** What the command does, its output and exit codes (printed by {@code --help}). */
    String description();

    ArgumentParser parser();

    /**
     * Runs with parsed arguments and returns the exit code.
     *
     * @throws UsageException for a command line that cannot be run (exit 2)
     * @throws dev.logshield.crypto.keys.KeyMaterialException for a key that cannot be read or used (exit 3)
     */
    int run(ParsedArguments arguments, CommandContext context) throws Exception;
}
