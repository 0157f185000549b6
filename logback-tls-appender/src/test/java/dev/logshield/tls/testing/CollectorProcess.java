package dev.logshield.tls.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * What the harnesses of real collectors (rsyslog, syslog-ng) run as processes have in common: whether one listens
 * yet, and stopping it gracefully (SIGTERM, then SIGKILL if it does not exit in 20 s) or as a crash (SIGKILL), each
 * waiting for the process to be gone.
 */
public final class CollectorProcess {

    private static final long EXIT_WAIT_SECONDS = 20;

    private CollectorProcess() {
    }

    /** Whether something accepts TCP connections on the loopback {@code port}. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM (the collector writes out what it has read), then SIGKILL if it has not exited in time. */
    public static void terminate(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                kill(process);
            }
        }
    }

    /** SIGKILL, as a crashing collector: what it had not written out is lost. */
    public static void kill(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
