package dev.logshield.crypto.testing;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A child-JVM program for crash-and-restart tests: configures Logback from {@code logback/<config>.xml} and logs
 * "run &lt;run&gt; event &lt;i&gt;" from one thread. With {@code halt} it logs until the log has rolled over into a
 * second {@code .lse} file under {@code dir} and three events went there, then ends the JVM with
 * {@code Runtime.halt(HALTED)}: no shutdown hook, no {@code stop()}, nothing written after the last record, as in
 * a crash or a {@code kill -9}. With {@code stop} it logs three events and stops the context cleanly. Either way it
 * prints "logged N" first. Arguments: config dir recipient run (halt|stop).
 */
public final class LogThenHaltOrStop {

    /** The exit status of a halted run. */
    public static final int HALTED = 99;

    private static final long PAUSE_MILLIS = 20;

    private LogThenHaltOrStop() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        LoggerContext context = XmlConfiguredContext.configure(args[0], java.util.Map.of("dir", args[1],
                "recipient", args[2]));
        String run = args[3];
        boolean halt = "halt".equals(args[4]);
        int logged = 0;
        int afterRollover = 0;
        while (halt ? afterRollover < 3 : logged < 3) {
            context.getLogger("crash").info("run {} event {}", run, logged++);
            if (halt && (afterRollover > 0 || lseFiles(dir) >= 2)) {
                afterRollover++;
            }
            // a period-named file rolls over with the wall clock: no need to log thousands of events meanwhile
            Thread.sleep(PAUSE_MILLIS);
        }
        System.out.println("logged " + logged);
        System.out.flush();
        if (halt) {
            Runtime.getRuntime().halt(HALTED);
        }
        context.stop();
    }

    private static long lseFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".lse")).count();
        }
    }
}
