package dev.logshield.tls.receiver;

import dev.logshield.tls.receiver.cli.ReceiverMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone receiver, {@code ReceiverMain serve --config FILE}, in a child JVM on this test's class path: a log
 * server in its own process that a test can SIGKILL and start again on the same port, as a service manager would.
 * What it prints (the receiver's status lines, errors) is appended to one file across restarts.
 * <pre>
 * try (ReceiverProcess receiver = ReceiverProcess.of(config, dir.resolve("receiver.out")).start()) {
 *     ... receiver.kill(); receiver.start(); ... int exitCode = receiver.terminate();
 * }
 * </pre>
 */
final class ReceiverProcess implements AutoCloseable {

    /** The start of the status line the receiver prints once its port is bound. */
    static final String LISTENING = "MtlsReceiver listening on ";

    private static final long START_TIMEOUT_MS = 30_000;
    private static final long EXIT_TIMEOUT_SECONDS = 30;

    private final Path config;
    private final Path output;
    private Process process;

    private ReceiverProcess(Path config, Path output) {
        this.config = config;
        this.output = output;
    }

    /** A receiver process (not started) serving {@code config}, printing into {@code output}. */
    static ReceiverProcess of(Path config, Path output) {
        return new ReceiverProcess(config, output);
    }

    /**
     * Starts the JVM and waits until the receiver listens (up to 30 s); one that exits or does not listen in time
     * is killed and reported with what it printed.
     */
    ReceiverProcess start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the receiver is already running (pid " + process.pid() + ")");
        }
        long listeningBefore = listeningLines();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ReceiverMain.class.getName(),
                "serve", "--config", config.toString());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the receiver exited with " + process.exitValue() + ":\n" + output());
            }
            if (listeningLines() > listeningBefore) {
                return this;
            }
            Thread.sleep(10);
        }
        kill();
        throw new IOException("the receiver did not listen within " + START_TIMEOUT_MS + " ms:\n" + output());
    }

    /**
     * SIGKILL, waiting for the process to be gone: nothing of the receiver runs after it, no shutdown hook.
     *
     * @return the exit code (137 when it was running), or -1 when never started
     */
    int kill() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /**
     * SIGTERM, the way a service is stopped, waiting for the exit: the receiver drains its queue into the
     * appenders and stops them.
     *
     * @return the exit code
     * @throws IllegalStateException when the process has not exited within 30 s (it is then killed)
     */
    int terminate() throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException("the receiver was never started");
        }
        process.destroy();
        if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("the receiver did not exit within " + EXIT_TIMEOUT_SECONDS
                    + " s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** Everything the receiver printed so far, across restarts. */
    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long listeningLines() {
        return output().lines().filter(line -> line.contains(LISTENING)).count();
    }

    /** Kills a receiver still running: a test's end. */
    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
