package dev.logshield.crypto.cli;

import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code logcrypt}, the command-line tool for LogShield's encrypted, tamper-evident log files (LSE v1): key
 * generation, decryption, following a file as it is written, verification, structure inspection and re-wrapping
 * of data keys for new readers. It needs only the JDK ({@code java -jar logcrypt.jar}).
 *
 * <pre>
 * logcrypt keygen --out reader.key                       # X25519 identity; prints its age1... recipient
 * logcrypt decrypt -i reader.key app.lse.2 app.lse.1 app.lse &gt; app.log
 * logcrypt follow -i reader.key app.lse
 * logcrypt verify -i reader.key --seal-key auditor.key --expect-sealed app.lse*
 * logcrypt inspect app.lse
 * logcrypt rewrap -i old.key --to age1... app.lse.1
 * </pre>
 *
 * <p>Exit codes: 0 intact and closed, 1 tampered or corrupt (or any failure), 2 usage error, 3 key error (a wrong
 * or unreadable key, never reported as tampering), 4 intact but not closed.
 */
public final class Logcrypt {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command command : List.of(new KeygenCommand(), new DecryptCommand(), new FollowCommand(),
                new VerifyCommand(), new InspectCommand(), new RewrapCommand())) {
            COMMANDS.put(command.name(), command);
        }
    }

    private Logcrypt() {
    }

    public static void main(String[] args) {
        CommandContext context = new CommandContext(System.out, System.err, System::getenv, System.in, true);
        System.exit(run(args, context));
    }

    /** Runs one command line in this JVM and returns its exit code (what tests call). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new CommandContext(out, err, System::getenv, null, false));
    }

    static int run(String[] args, CommandContext context) {
        PrintStream err = context.err();
        try {
            return dispatch(Arrays.asList(args), context);
        } catch (UsageException e) {
            err.println("logcrypt: " + e.getMessage());
            return VerificationReport.USAGE;
        } catch (KeyMaterialException e) {
            err.println("logcrypt: key error: " + e.getMessage());
            return VerificationReport.KEY_ERROR;
        } catch (CommandFailedException e) {
            err.println("logcrypt: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("logcrypt: " + describe(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("logcrypt: interrupted");
            return 1;
        } catch (Exception | Error e) {
            err.println("logcrypt: unexpected error: " + e);
            return 1;
        } finally {
            context.out().flush();
            err.flush();
        }
    }

    private static int dispatch(List<String> args, CommandContext context) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("no command given (see: logcrypt --help)");
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            Command command = rest.isEmpty() ? null : COMMANDS.get(rest.get(0));
            context.out().print(command == null ? HelpText.forTool(List.copyOf(COMMANDS.values()))
                    : HelpText.forCommand(command));
            return 0;
        }
        Command command = resolve(name, rest);
        ParsedArguments parsed = command.parser().parse(rest);
        if (parsed.helpRequested()) {
            context.out().print(HelpText.forCommand(command));
            return 0;
        }
        return command.run(parsed, context);
    }

    /** The command for a name; {@code cat} is decrypt, or follow when given --follow (-f). */
    private static Command resolve(String name, List<String> rest) throws UsageException {
        if (name.equals("cat")) {
            int end = rest.indexOf("--");
            List<String> options = end < 0 ? rest : rest.subList(0, end);
            boolean follow = options.contains("--follow") || options.contains("-f");
            return COMMANDS.get(follow ? "follow" : "decrypt");
        }
        Command command = COMMANDS.get(name);
        if (command == null) {
            throw new UsageException("unknown command '" + name + "' (commands: " + String.join(", ", COMMANDS.keySet())
                    + ", cat)");
        }
        return command;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists (not overwritten): " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
