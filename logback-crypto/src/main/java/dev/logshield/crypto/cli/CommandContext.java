package dev.logshield.crypto.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * Where a command reads and writes: standard output (records, keys, reports), standard error (messages), the
 * environment (passwords come only from there or from files, never from the command line), standard input
 * (closing it stops {@code follow}; null when not watched) and whether the process is a real CLI run that may
 * install a Ctrl-C handler.
 */
record CommandContext(PrintStream out, PrintStream err, Function<String, String> environment, InputStream stdin,
                      boolean interactive) {
}
