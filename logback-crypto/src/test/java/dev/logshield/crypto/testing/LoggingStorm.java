package dev.logshield.crypto.testing;

import ch.qos.logback.classic.LoggerContext;
import java.util.Map;

/**
 * A child-JVM program for crash tests: configures Logback from {@code logback/<config>.xml}, then logs from
 * {@code threads} threads ("t&lt;thread&gt; e&lt;n&gt;") until killed, printing "ready" once every thread has
 * logged {@code warmup} events. Arguments: config dir recipient threads warmup.
 */
public final class LoggingStorm {

    private LoggingStorm() {
    }

    public static void main(String[] args) throws Exception {
        String config = args[0];
        LoggerContext context = XmlConfiguredContext.configure(config, Map.of("dir", args[1], "recipient", args[2]));
        int threads = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        java.util.concurrent.CountDownLatch warmed = new java.util.concurrent.CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                for (long i = 0; ; i++) {
                    context.getLogger("storm").info("t{} e{}", id, i);
                    if (i == warmup) {
                        warmed.countDown();
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        warmed.await();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
