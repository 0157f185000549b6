package dev.logshield.tls.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where syslog-ng is on this machine, and how to run it from there. Debian's {@code syslog-ng-core} conflicts with
 * rsyslog, which the other tests need, so {@code .ci/run} unpacks it (without installing it) under
 * {@code /opt/logshield/syslog-ng}: the binary then needs its private libraries on {@code LD_LIBRARY_PATH} and its
 * module directory on {@code --module-path}. Looked for, in order: the directory {@code LOGSHIELD_SYSLOG_NG} names
 * (the root the package was unpacked into, or the {@code syslog-ng} binary itself), {@code /opt/logshield/syslog-ng},
 * and a regular installation under {@code /}. An installation counts only if {@code syslog-ng --version} runs.
 */
public final class SyslogNgInstallation {

    /** The environment variable naming an unpacked syslog-ng. */
    public static final String ENVIRONMENT_VARIABLE = "LOGSHIELD_SYSLOG_NG";
    /** Where {@code .ci/run} unpacks it. */
    public static final Path UNPACKED = Path.of("/opt/logshield/syslog-ng");

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+");

    private final Path root;
    private final String version;

    private SyslogNgInstallation(Path root, String version) {
        this.root = root;
        this.version = version;
    }

    /** The first working installation, looked for once per JVM. */
    public static Optional<SyslogNgInstallation> find() {
        return Holder.FOUND;
    }

    private static final class Holder {
        static final Optional<SyslogNgInstallation> FOUND = search();
    }

    private static Optional<SyslogNgInstallation> search() {
        List<Path> roots = new ArrayList<>();
        String named = System.getenv(ENVIRONMENT_VARIABLE);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named.trim());
            // the binary itself: <root>/usr/sbin/syslog-ng
            roots.add(Files.isRegularFile(path) && path.getNameCount() >= 3 ? path.getParent().getParent().getParent()
                    : path);
        }
        roots.add(UNPACKED);
        roots.add(Path.of("/"));
        for (Path root : roots) {
            Optional<SyslogNgInstallation> found = probe(root);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<SyslogNgInstallation> probe(Path root) {
        Path binary = root.resolve("usr/sbin/syslog-ng");
        if (!Files.isExecutable(binary)) {
            return Optional.empty();
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true);
            builder.environment().put("LD_LIBRARY_PATH", root.resolve("usr/lib/syslog-ng").toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? Optional.of(new SyslogNgInstallation(root, matcher.group(1) + "." + matcher.group(2)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The configuration version, e.g. {@code 3.38}, for the {@code @version:} line. */
    public String version() {
        return version;
    }

    /** The command that runs this syslog-ng, before its own options. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("usr/sbin/syslog-ng").toString());
        Path modules = root.resolve("usr/lib/syslog-ng").resolve(version);
        if (Files.isDirectory(modules)) {
            command.add("--module-path=" + modules);
        }
        return command;
    }

    /** The environment the command needs: its private libraries (the binary's RUNPATH points at /usr). */
    public Map<String, String> environment() {
        return Map.of("LD_LIBRARY_PATH", root.resolve("usr/lib/syslog-ng").toString());
    }

    @Override
    public String toString() {
        return "syslog-ng " + version + " in " + root;
    }
}
