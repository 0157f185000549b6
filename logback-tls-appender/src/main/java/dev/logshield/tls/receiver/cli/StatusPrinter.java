package dev.logshield.tls.receiver.cli;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import dev.logshield.redact.text.LogInjectionEscaper;
import dev.logshield.tls.receiver.MtlsReceiver;
import java.io.PrintStream;
import java.time.Instant;

/**
 * Prints the standalone server's Logback status messages as they happen: warnings and errors from any component to
 * standard error, and the receiver's own information (where it listens, its periodic statistics) to standard output.
 * Logback's configuration chatter stays out of the way. Messages quote what peers sent (a refused client's
 * certificate subject, names, protocol errors), so each line is escaped as LogShield's text layouts escape (line
 * breaks, ANSI and bidi controls visible, not active): a peer can neither forge a status line nor drive the terminal.
 */
final class StatusPrinter implements StatusListener {

    private final PrintStream out;
    private final PrintStream err;

    StatusPrinter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void addStatusEvent(Status status) {
        if (status.getLevel() >= Status.WARN) {
            err.println(line(status));
            if (status.getThrowable() != null) {
                err.println("  caused by: " + LogInjectionEscaper.escape(String.valueOf(status.getThrowable())));
            }
        } else if (status.getOrigin() instanceof MtlsReceiver) {
            out.println(line(status));
        }
    }

    private static String line(Status status) {
        String level = switch (status.getLevel()) {
            case Status.ERROR -> "ERROR";
            case Status.WARN -> "WARN ";
            default -> "INFO ";
        };
        return Instant.ofEpochMilli(status.getTimestamp()) + " " + level + " "
                + LogInjectionEscaper.escape(status.getMessage());
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }
}
