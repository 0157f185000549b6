package dev.logshield.crypto.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line grammar of one command: {@code --name value}, {@code --name=value}, one-letter aliases,
 * repeatable options, flags, {@code --} to end options, and {@code --help}. Hand-written so that the CLI needs
 * nothing beyond the JDK.
 */
final class ArgumentParser {

    private final String command;
    private final Map<String, Option> options = new LinkedHashMap<>();
    private final Map<String, Option> byAlias = new LinkedHashMap<>();
    private final Map<String, String> refused = new LinkedHashMap<>();

    ArgumentParser(String command) {
        this.command = command;
    }

    /** Declares an option that takes a value; {@code alias} (e.g. "-i") may be null. */
    ArgumentParser value(String name, String alias, String valueName, boolean repeatable, String help) {
        return add(new Option(name, alias, valueName, repeatable, help));
    }

    /** Declares a flag (an option without a value). */
    ArgumentParser flag(String name, String help) {
        return add(new Option(name, null, null, false, help));
    }

    ArgumentParser add(Option option) {
        options.put(option.name(), option);
        if (option.alias() != null) {
            byAlias.put(option.alias(), option);
        }
        return this;
    }

    /** An option that is refused with {@code message} (e.g. a password on the command line, visible in ps). */
    ArgumentParser refuse(String name, String message) {
        refused.put(name, message);
        return this;
    }

    List<Option> options() {
        return List.copyOf(options.values());
    }

    /** Parses {@code args} (without the command name). */
    ParsedArguments parse(List<String> args) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean help = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            String name = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            if (refused.containsKey(name)) {
                throw new UsageException(refused.get(name));
            }
            Option option = options.containsKey(name) ? options.get(name) : byAlias.get(name);
            if (option == null) {
                throw new UsageException("unknown option " + name + " for '" + command + "' (see: logcrypt " + command
                        + " --help)");
            }
            List<String> seen = values.computeIfAbsent(option.name(), k -> new ArrayList<>());
            if (!seen.isEmpty() && !option.repeatable()) {
                throw new UsageException(option.name() + " given more than once");
            }
            if (!option.takesValue()) {
                if (inline != null) {
                    throw new UsageException(option.name() + " takes no value");
                }
                seen.add("");
                continue;
            }
            if (inline == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(option.name() + " needs a value (" + option.valueName() + ")");
                }
                inline = args.get(++i);
            }
            seen.add(inline);
        }
        return new ParsedArguments(values, positionals, help);
    }
}
