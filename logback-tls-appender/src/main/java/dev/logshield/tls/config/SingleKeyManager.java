package dev.logshield.tls.config;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers exactly one key and chain, for every key type the peer's request can use it for: as a client's key
 * ({@link #SingleKeyManager(KeyMaterial)}) or, for the log receiver, as a server's ({@link #forServer}). It does not
 * filter by the CA names the peer lists: a peer that will refuse the certificate then says so in its own log,
 * which is easier to diagnose than a side that silently sends nothing.
 */
final class SingleKeyManager extends X509ExtendedKeyManager {

    static final String ALIAS = "logshield-client";

    private final PrivateKey key;
    private final X509Certificate[] chain;
    private final String keyType;
    private final boolean server;

    /** The client's key: offered to servers, never as a server key. */
    SingleKeyManager(KeyMaterial material) {
        this(material, false);
    }

    private SingleKeyManager(KeyMaterial material, boolean server) {
        this.key = material.privateKey();
        this.chain = material.chain().toArray(X509Certificate[]::new);
        this.keyType = key.getAlgorithm();
        this.server = server;
    }

    /** A server's key (the receiver's): offered to clients, never as a client key. */
    static SingleKeyManager forServer(KeyMaterial material) {
        return new SingleKeyManager(material, true);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return server ? null : chooseFor(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return server ? null : chooseFor(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return !server && matches(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return server && matches(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return server && matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return server && matches(keyType) ? ALIAS : null;
    }

    private String chooseFor(String[] keyTypes) {
        if (keyTypes != null) {
            for (String type : keyTypes) {
                if (matches(type)) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    private boolean matches(String requested) {
        if (requested == null) {
            return false;
        }
        // TLS 1.2 asks for e.g. "EC_EC" or "RSA"; TLS 1.3 for the key algorithm ("EC", "RSA", "EdDSA")
        String type = requested.contains("_") ? requested.substring(0, requested.indexOf('_')) : requested;
        return type.equalsIgnoreCase(keyType)
                || (type.equals("EdDSA") && (keyType.equals("Ed25519") || keyType.equals("Ed448")));
    }
}
