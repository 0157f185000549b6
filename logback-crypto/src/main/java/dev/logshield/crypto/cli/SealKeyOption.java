package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.SealVerificationKey;
import dev.logshield.crypto.verify.AuditorSealKey;
import dev.logshield.crypto.verify.SealVerifier;
import java.nio.file.Path;

/** {@code --seal-key FILE|LINE}: the auditor's seal verification key, from a file or given as its one line. */
final class SealKeyOption {

    private SealKeyOption() {
    }

    static SealVerifier load(String value) throws KeyMaterialException {
        SealVerificationKey key = value.strip().startsWith(SealVerificationKey.MAGIC)
                ? SealVerificationKey.parse(value)
                : SealVerificationKey.read(Path.of(value));
        return new AuditorSealKey(key);
    }
}
