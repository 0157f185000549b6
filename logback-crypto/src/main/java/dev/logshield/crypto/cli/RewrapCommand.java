package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.keys.DataKeyWrapper;
import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code logcrypt rewrap [keys] --to ... FILE...}: gives files new readers without touching their records. */
final class RewrapCommand implements Command {

    @Override
    public String name() {
        return "rewrap";
    }

    @Override
    public String summary() {
        return "replace the readers of files (new recipients or KEK) without touching their records";
    }

    @Override
    public String usage() {
        return "logcrypt rewrap [-i IDENTITY_FILE]... [--keystore FILE --alias NAME --password-env VAR]"
                + " (--to age1... | --to-keystore FILE --to-alias NAME --to-password-env VAR)... [--allow-unclosed]"
                + " FILE...";
    }

    @Override
    public String description() {
        return """
                Opens each segment's key block with the given keys and replaces it with one for the new readers
                only (--to, --to-keystore; the old readers lose access unless listed again). Segment headers,
                records, digests and checkpoints are not touched, so verify gives the same result before and after.
                Each file is rewritten to a temporary file in the same directory (mode 0600, then the original's
                mode), synced and renamed over the original. Files with bytes that cannot be accounted for
                (damaged or torn regions in the middle, bytes outside any segment) are refused and left unchanged;
                so are a file that grows while it is read and, unless --allow-unclosed, a file whose last segment
                is not closed: a writer still appending to it would lose what it writes after the rewrap. Rewrap
                only files the writer has closed (rotated files), or files of a writer that crashed. A refused
                file does not stop the others.
                Exit code: 0 all done, 1 a file refused or failed, 2 usage, 3 a key does not open a segment.""";
    }

    @Override
    public ArgumentParser parser() {
        ArgumentParser parser = new ArgumentParser(name());
        ReaderKeyOptions.declare(parser);
        RecipientOptions.declare(parser);
        return parser.flag("--allow-unclosed", "also rewrap files whose last segment is not closed (crashed writers)");
    }

    @Override
    public int run(ParsedArguments arguments, CommandContext context) throws Exception {
        List<Path> files = arguments.files(name());
        List<DataKeyUnwrapper> keys = ReaderKeyOptions.require(arguments, context, name());
        List<DataKeyWrapper> readers = RecipientOptions.require(arguments, context);
        String to = readers.stream().map(DataKeyWrapper::describe).collect(Collectors.joining(", "));
        KeyBlockRewriter rewriter = new KeyBlockRewriter(keys, readers, arguments.has("--allow-unclosed"));
        boolean failed = false;
        boolean keyError = false;
        for (Path file : files) {
            // each file is replaced whole or not at all, so one refusal need not stop the others
            try {
                int segments = rewriter.rewrap(file);
                context.out().println(file + ": " + segments + " segment(s) rewrapped for " + to);
            } catch (CommandFailedException e) {
                context.err().println("logcrypt: " + e.getMessage());
                failed = true;
            } catch (KeyMaterialException e) {
                context.err().println("logcrypt: key error: " + e.getMessage());
                keyError = true;
            }
        }
        return failed ? 1 : keyError ? VerificationReport.KEY_ERROR : 0;
    }
}
