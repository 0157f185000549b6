package dev.logshield.tls.config;

import javax.net.ssl.SSLContext;

/**
 * The receiver's server {@link SSLContext}, which checks the clients' chains against the {@link RevocationList}, and
 * that list, rebuilt together when their files change
 * (a renewed receiver certificate, a rotated client CA bundle, a new CRL), without restarting. {@link #current()} is called for every accepted connection; it
 * looks at the files (size, modification time, SHA-256, see {@link FileFingerprint}) at most once per
 * {@code checkInterval}, so that a flood of connections does not become a flood of file reads. Broken new
 * material (half written, mismatched key, expired) leaves the previous context in use and is reported once per
 * distinct problem, exactly like the client's {@link ReloadingTlsContext}. Connections already open keep their
 * session. Thread-safe.
 */
public final class ReloadingServerContext {

    private final TlsServerSettings settings;
    private final ContextReloader<SSLContext> reloader;

    private ReloadingServerContext(TlsServerSettings settings, ContextReloader<SSLContext> reloader) {
        this.settings = settings;
        this.reloader = reloader;
    }

    /**
     * Builds the first context; it must succeed (the receiver refuses to start otherwise).
     *
     * @param checkIntervalMillis how often at most {@link #current()} looks at the files; 0 at every call
     * @throws TlsConfigException for any problem with the configured material
     */
    public static ReloadingServerContext start(TlsServerSettings settings, ReloadingTlsContext.Listener listener,
            long checkIntervalMillis) throws TlsConfigException {
        return new ReloadingServerContext(settings, ContextReloader.start(settings,
                TlsServerContextFactory::create, listener, checkIntervalMillis));
    }

    /** The context for a new connection: a new one if the files changed and work, else the one in use. */
    public SSLContext current() {
        return reloader.current();
    }

    /** The key material of the context in use. */
    public KeyMaterial keyMaterial() {
        return reloader.keyMaterial();
    }

    /** The client CAs of the context in use. */
    public TrustMaterial trustMaterial() {
        return reloader.trustMaterial();
    }

    /** The revocation lists that go with the client CAs in use ({@link RevocationList#NONE} when none). */
    public RevocationList revocationList() {
        return reloader.revocationList();
    }

    /** The settings this context follows. */
    public TlsServerSettings settings() {
        return settings;
    }
}
