package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.X25519KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * {@code logcrypt keygen [--out FILE]}: a new X25519 reader identity in age's identity file format, so that
 * {@code age-keygen} output and this tool's output are interchangeable. With {@code --out} the file is created
 * owner-only and never over an existing one, and the recipient ({@code age1...}, for the appender's
 * configuration) is printed; without it the identity goes to standard output and the recipient to standard error,
 * as age-keygen does.
 */
final class IdentityKeygen {

    private IdentityKeygen() {
    }

    static int run(Path out, CommandContext context) throws IOException, CommandFailedException {
        X25519KeyPair pair = X25519KeyPair.generate(new SecureRandom());
        HpkeIdentity identity = HpkeIdentity.of(pair);
        pair.destroy();
        try {
            String recipient = identity.recipient().recipient();
            String created = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            String text = "# created: " + created + "\n# public key: " + recipient + "\n" + identity.encode() + "\n";
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            try {
                if (out == null) {
                    context.out().write(bytes);
                    context.err().println("Public key: " + recipient);
                } else {
                    OwnerOnlyFile.create(out, bytes);
                    context.out().println(recipient);
                }
            } catch (FileAlreadyExistsException e) {
                throw new CommandFailedException(out + " already exists; refusing to overwrite a key file");
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
            return 0;
        } finally {
            identity.destroy();
        }
    }
}
