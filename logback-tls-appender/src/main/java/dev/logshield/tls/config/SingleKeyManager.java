package dev.logshield.tls.config;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers exactly one client key and chain, for every key type the server's request can use it for. It does not
 * filter by the CA names the server lists: a server that will refuse the certificate then says so in its own log,
 * which is easier to diagnose than a client that silently sends nothing.
 */
final class SingleKeyManager extends X509ExtendedKeyManager {

    static final String ALIAS = "logshield-client";

    private final PrivateKey key;
    private final X509Certificate[] chain;
    private final String keyType;

    SingleKeyManager(KeyMaterial material) {
        this.key = material.privateKey();
        this.chain = material.chain().toArray(X509Certificate[]::new);
        this.keyType = key.getAlgorithm();
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return chooseFor(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return chooseFor(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return matches(keyType) ? new String[] {ALIAS} : null;
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
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
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
