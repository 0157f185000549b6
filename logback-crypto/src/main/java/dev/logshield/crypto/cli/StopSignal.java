package dev.logshield.crypto.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a long-running command ({@code follow}) to stop: on Ctrl-C (a shutdown hook that waits for the command to
 * print its report), when standard input is closed, or when asked directly. Waiting on it doubles as the poll
 * interval, so a stop is noticed at once.
 */
final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private Thread hook;

    void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code millis} for a stop; true when one was requested. */
    boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Stops when {@code in} reaches its end (a daemon thread reads and discards it). */
    void stopAtEndOf(InputStream in) {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // input is only watched for its end
                }
            } catch (IOException e) {
                // an unreadable input counts as closed
            }
            request();
        }, "logcrypt-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** On Ctrl-C (JVM shutdown), requests a stop and gives the command a moment to finish its output. */
    void stopOnShutdown() {
        hook = new Thread(() -> {
            request();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "logcrypt-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command is done: releases a waiting shutdown hook, or removes it. */
    void finished() {
        finished.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and now returns
            }
        }
    }
}
