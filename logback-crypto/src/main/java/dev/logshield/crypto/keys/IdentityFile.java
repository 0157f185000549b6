package dev.logshield.crypto.keys;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an age identity file: one {@code AGE-SECRET-KEY-1…} per line, blank lines and {@code #} comments
 * ignored. Messages name the file and line, never a line's content (it may be a secret key).
 */
final class IdentityFile {

    private IdentityFile() {
    }

    static List<HpkeIdentity> read(Path file) throws KeyMaterialException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException("identity file not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new KeyMaterialException("cannot read identity file " + file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new KeyMaterialException("identity file " + file + " is not UTF-8 text: is it an age identity file?", e);
        } catch (IOException e) {
            throw new KeyMaterialException("cannot read identity file " + file + ": " + e, e);
        }
        List<HpkeIdentity> identities = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                identities.add(HpkeIdentity.parse(line));
            } catch (KeyMaterialException e) {
                throw new KeyMaterialException("line " + (i + 1) + " of identity file " + file + ": " + e.getMessage(), e);
            }
        }
        if (identities.isEmpty()) {
            throw new KeyMaterialException("identity file " + file + " holds no identity (expected AGE-SECRET-KEY-1… lines)");
        }
        return List.copyOf(identities);
    }
}
