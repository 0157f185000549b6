package dev.logshield.tls.config;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Keeps what is built from key, trust and revocation material (an {@link SSLContext}) in step with the files the material is
 * read from: the logic the client's {@link ReloadingTlsContext} and the receiver's {@link ReloadingServerContext}
 * share, parameterised by how each side builds its context. {@link #current()} compares the files (size,
 * modification time, SHA-256, see {@link FileFingerprint}) with those of the context in use, at most once per check
 * interval, and rebuilds when one differs. Broken new material leaves the previous context in use and goes to the
 * listener once per distinct problem and set of files. Thread-safe; the listener is called without the lock held.
 *
 * @param <T> what is built from the material: the client's or the server's context
 */
final class ContextReloader<T> {

    /** Builds the side's context from loaded material. */
    @FunctionalInterface
    interface Builder<T> {
        T build(KeyMaterial key, TrustMaterial trust, RevocationList revocations) throws TlsConfigException;
    }

    private final MaterialSources sources;
    private final Builder<T> builder;
    private final ReloadingTlsContext.Listener listener;
    private final long checkIntervalNanos;
    private State<T> state;
    private long lastCheck;
    private List<FileFingerprint> lastReported;
    private String lastProblem;

    private ContextReloader(MaterialSources sources, Builder<T> builder, ReloadingTlsContext.Listener listener,
            long checkIntervalNanos) throws TlsConfigException {
        this.sources = sources;
        this.builder = builder;
        this.listener = listener;
        this.checkIntervalNanos = checkIntervalNanos;
        this.state = build(FileFingerprint.of(sources.files()));
        this.lastCheck = System.nanoTime();
    }

    /**
     * Builds the first context; it must succeed.
     *
     * @param checkIntervalMillis how often at most {@link #current()} looks at the files; 0 at every call
     * @throws TlsConfigException for any problem with the configured material
     */
    static <T> ContextReloader<T> start(MaterialSources sources, Builder<T> builder,
            ReloadingTlsContext.Listener listener, long checkIntervalMillis) throws TlsConfigException {
        Objects.requireNonNull(listener, "listener");
        return new ContextReloader<>(sources, builder, listener, TimeUnit.MILLISECONDS.toNanos(checkIntervalMillis));
    }

    /** A new context if the files changed and the new material works, else the one in use; never throws for files. */
    T current() {
        State<T> reloaded = null;
        String problem = null;
        T context;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - lastCheck >= checkIntervalNanos) {
                lastCheck = now;
                List<FileFingerprint> files = FileFingerprint.of(sources.files());
                if (!files.equals(state.files)) {
                    try {
                        state = build(files);
                        reloaded = state;
                        lastReported = null;
                        lastProblem = null;
                    } catch (TlsConfigException e) {
                        if (!files.equals(lastReported) || !e.getMessage().equals(lastProblem)) {
                            problem = e.getMessage();
                            lastReported = files;
                            lastProblem = problem;
                        }
                    }
                }
            }
            context = state.context;
        }
        if (reloaded != null) {
            listener.reloaded(reloaded.key, reloaded.trust);
        } else if (problem != null) {
            listener.reloadFailed("cannot reload TLS material, still using the previous one: " + problem);
        }
        return context;
    }

    /** What was built from the material in use, without looking at the files. */
    synchronized T inUse() {
        return state.context;
    }

    synchronized KeyMaterial keyMaterial() {
        return state.key;
    }

    synchronized TrustMaterial trustMaterial() {
        return state.trust;
    }

    synchronized RevocationList revocationList() {
        return state.revocations;
    }

    /** {@code files} are taken before reading, so a change during the read is seen at the next check. */
    private State<T> build(List<FileFingerprint> files) throws TlsConfigException {
        KeyMaterial key = sources.keySource().load();
        TrustMaterial trust = sources.trustSource().load();
        RevocationList revocations = sources.revocationSource().load(trust);
        return new State<>(builder.build(key, trust, revocations), key, trust, revocations, files);
    }

    private record State<T>(T context, KeyMaterial key, TrustMaterial trust, RevocationList revocations,
            List<FileFingerprint> files) {
    }
}
