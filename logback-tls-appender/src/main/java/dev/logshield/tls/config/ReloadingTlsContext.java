package dev.logshield.tls.config;

import javax.net.ssl.SSLContext;

/**
 * The client's {@link SSLContext}, rebuilt when its files change, so that renewed certificates (cert-manager,
 * certbot, Vault agents) are picked up without restarting the application. The appender calls {@link #current()}
 * at every connect: it compares every configured file (certificate, key, key store, CA bundle or trust store,
 * revocation lists) by
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
    private final ContextReloader<SSLContext> reloader;

    private ReloadingTlsContext(TlsClientSettings settings, ContextReloader<SSLContext> reloader) {
        this.settings = settings;
        this.reloader = reloader;
    }

    /**
     * Builds the first context; it must succeed (the appender refuses to start otherwise).
     *
     * @throws TlsConfigException for any problem with the configured material
     */
    public static ReloadingTlsContext start(TlsClientSettings settings, Listener listener) throws TlsConfigException {
        return new ReloadingTlsContext(settings, ContextReloader.start(settings,
                (key, trust, revocations) -> TlsContextFactory.create(key, trust, revocations, settings), listener, 0));
    }

    /**
     * The context to connect with: a new one if the files changed and the new material works, else the one in use.
     * Never throws for file problems; they go to the listener.
     */
    public SSLContext current() {
        return reloader.current();
    }

    /** The key material of the context in use. */
    public KeyMaterial keyMaterial() {
        return reloader.keyMaterial();
    }

    /** The trust material of the context in use. */
    public TrustMaterial trustMaterial() {
        return reloader.trustMaterial();
    }

    /** The revocation lists of the context in use ({@link RevocationList#NONE} when none is configured). */
    public RevocationList revocationList() {
        return reloader.revocationList();
    }

    /** The settings this context follows. */
    public TlsClientSettings settings() {
        return settings;
    }
}
