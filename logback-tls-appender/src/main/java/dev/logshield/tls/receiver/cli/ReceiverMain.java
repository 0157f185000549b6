package dev.logshield.tls.receiver.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.logshield.tls.receiver.MtlsReceiver;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone log server: {@code java -jar logshield-receiver.jar serve --config receiver.xml}.
 *
 * <p>{@code receiver.xml} is an ordinary logback.xml: its appenders say where received events go (an encrypted file,
 * the console, another collector) and a {@code <contextListener class="dev.logshield.tls.receiver.MtlsReceiver">}
 * says where and how to listen. {@code serve} with flags instead of {@code --config} writes the same configuration
 * for the common case (see {@link ServeFlags}). The process runs until it is terminated (SIGTERM or Ctrl-C), then
 * stops the receiver, which drains its queue into the appenders, and the appenders.
 *
 * <p>Exit codes: 0 for help, 2 for a usage error, 3 when the configuration leaves no receiver running (every problem is printed
 * to standard error first). Stopped by a signal, the JVM exits with 128 + the signal's number once the receiver and
 * the appenders have stopped: 143 after SIGTERM, 130 after Ctrl-C (a systemd unit says
 * {@code SuccessExitStatus=143}).
 */
public final class ReceiverMain {

    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CONFIG = 3;

    private ReceiverMain() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err, new CountDownLatch(1), true);
        System.exit(code);
    }

    /**
     * Runs {@code args}; for {@code serve}, returns once {@code stop} is counted down (or the JVM shuts down when
     * {@code shutdownHook}), after stopping the receiver's context.
     */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop, boolean shutdownHook) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            out.print(ServeFlags.USAGE);
            return args.length == 0 ? EXIT_USAGE : EXIT_OK;
        }
        if (!"serve".equals(args[0])) {
            err.println("unknown command '" + args[0] + "'\n");
            err.print(ServeFlags.USAGE);
            return EXIT_USAGE;
        }
        ServeFlags flags;
        try {
            flags = ServeFlags.parse(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n");
            err.print(ServeFlags.USAGE);
            return EXIT_USAGE;
        }
        LoggerContext context = new LoggerContext();
        context.setName("logshield-receiver");
        context.getStatusManager().add(new StatusPrinter(out, err));
        try {
            configure(context, flags);
        } catch (JoranException | java.io.IOException e) {
            err.println("cannot read the configuration: " + e.getMessage());
            context.stop();
            return EXIT_CONFIG;
        }
        context.start();
        List<MtlsReceiver> receivers = receivers(context);
        if (receivers.isEmpty() || receivers.stream().anyMatch(r -> !r.isStarted())) {
            err.println(receivers.isEmpty()
                    ? "no receiver configured: add <contextListener class=\"" + MtlsReceiver.class.getName()
                            + "\"> to the configuration"
                    : "the receiver did not start; the errors above say why");
            context.stop();
            return EXIT_CONFIG;
        }
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.stop();
                stop.countDown();
            }, "logshield-receiver-shutdown"));
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.stop();
        return EXIT_OK;
    }

    private static void configure(LoggerContext context, ServeFlags flags) throws JoranException, java.io.IOException {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        if (flags.configFile() != null) {
            Path file = flags.configFile();
            if (!Files.isReadable(file)) {
                throw new java.io.IOException(file + " does not exist or is not readable");
            }
            configurator.doConfigure(file.toFile());
        } else {
            configurator.doConfigure(new ByteArrayInputStream(flags.toXml().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<MtlsReceiver> receivers(LoggerContext context) {
        return context.getCopyOfListenerList().stream()
                .filter(MtlsReceiver.class::isInstance)
                .map(MtlsReceiver.class::cast)
                .toList();
    }

    /** Visible for tests: the listeners of {@code context} that are receivers. */
    static List<LoggerContextListener> listeners(LoggerContext context) {
        return context.getCopyOfListenerList();
    }
}
