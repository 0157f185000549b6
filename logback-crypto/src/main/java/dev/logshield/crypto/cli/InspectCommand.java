package dev.logshield.crypto.cli;

import java.nio.file.Path;

/** {@code logcrypt inspect FILE...}: the keyless structure of LSE files. */
final class InspectCommand implements Command {

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary() {
        return "show the structure of files (segments, frames, checkpoints, tails); no key needed";
    }

    @Override
    public String usage() {
        return "logcrypt inspect FILE...";
    }

    @Override
    public String description() {
        return """
                Prints, for each file, every segment's clear-text header (series index, segment id, suite, sealing,
                the predecessor it links to), its key block stanzas, its checkpoints (whose digests are checked
                against the bytes before them), its frame counts by type, whether it ends with FINAL, and any bytes
                that are not frames. No key is needed and nothing is decrypted; this proves structure, not
                authenticity (use verify for that).
                Exit code: 0 when every file is well formed (even if not closed), 1 when bytes are not frames, a
                checkpoint does not match, or a file cannot be read.""";
    }

    @Override
    public ArgumentParser parser() {
        return new ArgumentParser(name());
    }

    @Override
    public int run(ParsedArguments arguments, CommandContext context) throws Exception {
        boolean allWellFormed = true;
        for (Path file : arguments.files(name())) {
            allWellFormed &= new StructureDescriber(context.out()).describe(file);
        }
        return allWellFormed ? 0 : 1;
    }
}
