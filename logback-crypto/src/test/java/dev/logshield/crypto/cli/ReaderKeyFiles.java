package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.HpkeRecipient;
import dev.logshield.crypto.keys.X25519KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** A reader key pair made for one test: its identity file on disk and the recipient the writer wraps to. */
record ReaderKeyFiles(Path identityFile, HpkeRecipient recipient) {

    static ReaderKeyFiles create(Path dir, String name) throws IOException {
        HpkeIdentity identity = HpkeIdentity.of(X25519KeyPair.generate(new SecureRandom()));
        Path file = dir.resolve(name + ".key");
        Files.writeString(file, "# test identity\n" + identity.encode() + "\n", StandardCharsets.US_ASCII);
        return new ReaderKeyFiles(file, identity.recipient());
    }

    String identityArgument() {
        return identityFile.toString();
    }
}
