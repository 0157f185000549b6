package dev.logshield.crypto.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One {@code logcrypt} command line run in this JVM: its exit code and what it printed. */
record CliRun(int exitCode, byte[] stdoutBytes, String stderr) {

    static CliRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    /** Runs with {@code environment} as the only environment variables (passwords for --password-env). */
    static CliRun withEnvironment(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Logcrypt.run(args, new CommandContext(stdout, stderr, environment::get, null, false));
            return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        }
    }

    String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout() + "--- stderr\n" + stderr;
    }
}
