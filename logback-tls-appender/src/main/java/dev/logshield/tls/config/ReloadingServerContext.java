package dev.logshield.tls.config;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The receiver's server {@link SSLContext} and the clients' {@link RevocationList}, rebuilt when their files change
 * (a renewed receiver certificate, a rotated client CA bundle, a new CRL), without restarting. {@link #current()} is called for every accepted connection; it
 * looks at the files (size, modification time, SHA-256, see {@link FileFingerprint}) at most once per
 * {@code checkInterval}, so that a flood of connections does not become a flood of file reads. Broken new
 * material (half written, mismatched key, expired) leaves the previous context in use and is reported once per
 * distinct problem, exactly like the client's {@link ReloadingTlsContext}. Connections already open keep their
 * session. Thread-safe.
 */
public final class ReloadingServerContext {

    private final TlsServerSettings settings;
    private final ReloadingTlsContext.Listener listener;
    private final long checkIntervalNanos;
    private State state;
    private long lastCheck;
    private List<FileFingerprint> lastReported;
    private String lastProblem;

    private ReloadingServerContext(TlsServerSettings settings, ReloadingTlsContext.Listener listener,
            long checkIntervalNanos, State state) {
        this.settings = settings;
        this.listener = listener;
        this.checkIntervalNanos = checkIntervalNanos;
        this.state = state;
        this.lastCheck = System.nanoTime();
    }

    /**
     * Builds the first context; it must succeed (the receiver refuses to start otherwise).
     *
     * @param checkIntervalMillis how often at most {@link #current()} looks at the files; 0 at every call
     * @throws TlsConfigException for any problem with the configured material
     */
    public static ReloadingServerContext start(TlsServerSettings settings, ReloadingTlsContext.Listener listener,
            long checkIntervalMillis) throws TlsConfigException {
        Objects.requireNonNull(listener, "listener");
        return new ReloadingServerContext(settings, listener, TimeUnit.MILLISECONDS.toNanos(checkIntervalMillis),
                build(settings, FileFingerprint.of(settings.files())));
    }

    /** The context for a new connection: a new one if the files changed and work, else the one in use. */
    public SSLContext current() {
        KeyMaterial reloadedKey = null;
        TrustMaterial reloadedTrust = null;
        String problem = null;
        SSLContext context;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - lastCheck >= checkIntervalNanos) {
                lastCheck = now;
                List<FileFingerprint> files = FileFingerprint.of(settings.files());
                if (!files.equals(state.files)) {
                    try {
                        state = build(settings, files);
                        reloadedKey = state.key;
                        reloadedTrust = state.trust;
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
        if (reloadedKey != null) {
            listener.reloaded(reloadedKey, reloadedTrust);
        } else if (problem != null) {
            listener.reloadFailed("cannot reload TLS material, still using the previous one: " + problem);
        }
        return context;
    }

    /** The key material of the context in use. */
    public synchronized KeyMaterial keyMaterial() {
        return state.key;
    }

    /** The client CAs of the context in use. */
    public synchronized TrustMaterial trustMaterial() {
        return state.trust;
    }

    /** The revocation list that goes with the client CAs in use ({@link RevocationList#NONE} when none). */
    public synchronized RevocationList revocationList() {
        return state.revocations;
    }

    /** The settings this context follows. */
    public TlsServerSettings settings() {
        return settings;
    }

    private static State build(TlsServerSettings settings, List<FileFingerprint> files) throws TlsConfigException {
        KeyMaterial key = settings.keySource().load();
        TrustMaterial trust = settings.trustSource().load();
        RevocationList revocations = settings.loadRevocationList(trust);
        return new State(TlsServerContextFactory.create(key, trust), key, trust, revocations, files);
    }

    private static final class State {
        final SSLContext context;
        final KeyMaterial key;
        final TrustMaterial trust;
        final RevocationList revocations;
        final List<FileFingerprint> files;

        State(SSLContext context, KeyMaterial key, TrustMaterial trust, RevocationList revocations,
                List<FileFingerprint> files) {
            this.context = context;
            this.key = key;
            this.trust = trust;
            this.revocations = revocations;
            this.files = files;
        }
    }
}
