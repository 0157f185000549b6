package dev.logshield.crypto.testing;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A child-JVM program for tests that need a process-wide setting such as the umask: creates {@code <dir>/control}
 * as an ordinary file (so the test can see the umask in force), configures Logback from
 * {@code logback/<config>.xml}, logs {@code events} events of about 100 bytes (enough to roll over under a small
 * maxFileSize), stops the context and prints every status of level ERROR or WARN. Arguments: config dir recipient
 * events.
 */
public final class RollOnceAndStop {

    private RollOnceAndStop() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        Files.writeString(dir.resolve("control"), "created with the default mode\n");
        LoggerContext context = XmlConfiguredContext.configure(args[0], Map.of("dir", args[1], "recipient", args[2]));
        int events = Integer.parseInt(args[3]);
        for (int i = 0; i < events; i++) {
            context.getLogger("child").info("event {} {}", i, "x".repeat(80));
        }
        context.stop();
        for (String problem : XmlConfiguredContext.statusMessages(context, ch.qos.logback.core.status.Status.WARN)) {
            System.out.println("STATUS " + problem);
        }
    }
}
