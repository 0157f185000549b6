package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.SealState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * {@code logcrypt keygen --seal}: a new forward-secure seal key chain. The host keeps the evolving state file
 * (mode 0600; the appender's {@code sealState}); the auditor gets the verification key line, which holds the
 * initial key, goes to standard output or to {@code --verify-key-out}, and must not stay on the host.
 */
final class SealKeygen {

    private SealKeygen() {
    }

    static int run(Path state, int intervalSeconds, Path verifyKeyOut, CommandContext context)
            throws KeyMaterialException, CommandFailedException, IOException {
        if (Files.exists(state)) {
            throw new CommandFailedException("seal state " + state + " already exists; refusing to overwrite it");
        }
        if (verifyKeyOut != null && Files.exists(verifyKeyOut)) {
            throw new CommandFailedException(verifyKeyOut + " already exists; refusing to overwrite it");
        }
        long originMs = System.currentTimeMillis() / 1000 * 1000;
        SealState.Created created = SealState.create(state, originMs, intervalSeconds, new SecureRandom());
        if (verifyKeyOut == null) {
            context.out().println(created.verificationKey().format());
        } else {
            try {
                created.verificationKey().write(verifyKeyOut);
            } catch (KeyMaterialException e) {
                // without its verification key the state seals what nobody can check: do not leave it behind
                Files.deleteIfExists(state);
                throw e;
            }
            context.out().println(verifyKeyOut);
        }
        context.err().println("logcrypt: seal state written to " + state + " (" + intervalSeconds
                + " s epochs). Give the verification key to the auditor and do not keep it on this host:"
                + " it can forge every checkpoint.");
        return 0;
    }
}
