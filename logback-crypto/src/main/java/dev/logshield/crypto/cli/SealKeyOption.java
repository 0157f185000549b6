package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.SealVerificationKey;
import dev.logshield.crypto.verify.AuditorSealKey;
import dev.logshield.crypto.verify.SealVerifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --seal-key FILE|LINE}, repeatable: the auditor's seal verification keys, each from a file or given as its
 * one line, one per seal chain the series used (seal keys are rotated); and {@code --expect-sealed}. A seal key
 * implies {@code --expect-sealed}: every segment must then be sealed with one of the keys given.
 */
final class SealKeyOption {

    private SealKeyOption() {
    }

    static void declare(ArgumentParser parser) {
        parser.value("--seal-key", null, "FILE|LINE", true, "auditor's seal verification key: a file, or the"
                        + " LSE-SEAL-VERIFY-1 line itself; give every key the series was sealed with (implies"
                        + " --expect-sealed)")
                .flag("--expect-sealed", "every segment must carry checkpoints (fail unsealed ones)");
    }

    /** The seal keys given, in order; empty when none. */
    static List<SealVerifier> load(ParsedArguments arguments) throws KeyMaterialException {
        List<SealVerifier> seals = new ArrayList<>();
        for (String value : arguments.values("--seal-key")) {
            seals.add(load(value));
        }
        return seals;
    }

    /** Whether every segment must be sealed: {@code --expect-sealed}, or a seal key given. */
    static boolean expectSealed(ParsedArguments arguments) {
        return arguments.has("--expect-sealed") || arguments.has("--seal-key");
    }

    private static SealVerifier load(String value) throws KeyMaterialException {
        SealVerificationKey key = value.strip().startsWith(SealVerificationKey.MAGIC)
                ? SealVerificationKey.parse(value)
                : SealVerificationKey.read(Path.of(value));
        return new AuditorSealKey(key);
    }
}
