package dev.logshield.tls.config;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The client's {@link SSLContext}, rebuilt when its files change, so that renewed certificates (cert-manager,
 * certbot, Vault agents) are picked up without restarting the application. The appender calls {@link #current()}
 * at every connect: it compares every configured file (certificate, key, key store, CA bundle or trust store) by
 * size, modification time and SHA-256 of its content, and rebuilds the context when one differs from the files of
 * the context in use. When the new material is broken (half written, mismatched key and certificate, expired,
 * wrong password...) the previous context stays in use, the problem goes to the {@link Listener} once per distinct
 * problem, and the next connect tries again. Connections already open keep their session. Thread-safe.
 * <pre>
 * ReloadingTlsContext tls = ReloadingTlsContext.start(settings, new ReloadingTlsContext.Listener() {
 *     public void reloadFailed(String problem) { addWarn(problem + "; still using the previous certificate"); }
 *     public void reloaded(KeyMaterial key, TrustMaterial trust) { addInfo("TLS material reloaded: " + key.describe()); }
 * });
 * </pre>
 */
public final class ReloadingTlsContext {

    /** Hears about reloads; called on the thread that calls {@link #current()}, without locks held by callers. */
    public interface Listener {
        /**
         * New files could not be used; the previous context stays in use. Called again only when the problem or the
         * files change.
         */
        void reloadFailed(String problem);

        /** New files are in use; check {@link KeyMaterial#warnings()} and {@link TrustMaterial#warnings()}. */
        default void reloaded(KeyMaterial key, TrustMaterial trust) {
        }
    }

    private final TlsClientSettings settings;
    private final Listener listener;
    private State state;
    private List<FileFingerprint> lastReported;
    private String lastProblem;

    private ReloadingTlsContext(TlsClientSettings settings, Listener listener, State state) {
        this.settings = settings;
        this.listener = listener;
        this.state = state;
    }

    /**
     * Builds the first context; it must succeed (the appender refuses to start otherwise).
     *
     * @throws TlsConfigException for any problem with the configured material
     */
    public static ReloadingTlsContext start(TlsClientSettings settings, Listener listener) throws TlsConfigException {
        Objects.requireNonNull(listener, "listener");
        return new ReloadingTlsContext(settings, listener, build(settings));
    }

    /**
     * The context to connect with: a new one if the files changed and the new material works, else the one in use.
     * Never throws for file problems; they go to the listener.
     */
    public SSLContext current() {
        KeyMaterial reloadedKey = null;
        TrustMaterial reloadedTrust = null;
        String problem = null;
        SSLContext context;
        synchronized (this) {
            List<FileFingerprint> now = FileFingerprint.of(settings.files());
            if (!now.equals(state.files)) {
                try {
                    state = build(settings, now);
                    reloadedKey = state.key;
                    reloadedTrust = state.trust;
                    lastReported = null;
                    lastProblem = null;
                } catch (TlsConfigException e) {
                    if (!now.equals(lastReported) || !e.getMessage().equals(lastProblem)) {
                        problem = e.getMessage();
                        lastReported = now;
                        lastProblem = problem;
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

    /** The trust material of the context in use. */
    public synchronized TrustMaterial trustMaterial() {
        return state.trust;
    }

    /** The settings this context follows. */
    public TlsClientSettings settings() {
        return settings;
    }

    private static State build(TlsClientSettings settings) throws TlsConfigException {
        return build(settings, FileFingerprint.of(settings.files()));
    }

    /** {@code files} are taken before reading, so a change during the read is seen at the next call. */
    private static State build(TlsClientSettings settings, List<FileFingerprint> files) throws TlsConfigException {
        KeyMaterial key = settings.keySource().load();
        TrustMaterial trust = settings.trustSource().load();
        return new State(TlsContextFactory.create(key, trust, settings), key, trust, files);
    }

    private static final class State {
        final SSLContext context;
        final KeyMaterial key;
        final TrustMaterial trust;
        final List<FileFingerprint> files;

        State(SSLContext context, KeyMaterial key, TrustMaterial trust, List<FileFingerprint> files) {
            this.context = context;
            this.key = key;
            this.trust = trust;
            this.files = files;
        }
    }
}
