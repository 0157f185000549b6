package dev.logshield.crypto.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@link ArgumentParser} found: option values by long name, positional arguments, and whether help was asked. */
final class ParsedArguments {

    private final Map<String, List<String>> values;
    private final List<String> positionals;
    private final boolean help;

    ParsedArguments(Map<String, List<String>> values, List<String> positionals, boolean help) {
        this.values = Map.copyOf(values);
        this.positionals = List.copyOf(positionals);
        this.help = help;
    }

    boolean helpRequested() {
        return help;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of a single-valued option, or null when absent. */
    String value(String name) {
        List<String> all = values.get(name);
        return all == null ? null : all.get(all.size() - 1);
    }

    /** Every value of a repeatable option, in order (empty when absent). */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The value of a required option. */
    String required(String name, String why) throws UsageException {
        String value = value(name);
        if (value == null) {
            throw new UsageException(name + " is required " + why);
        }
        return value;
    }

    List<String> positionals() {
        return positionals;
    }

    /** The positional arguments as existing regular files; at least one is required. */
    List<Path> files(String command) throws UsageException {
        if (positionals.isEmpty()) {
            throw new UsageException("no file given (see: logcrypt " + command + " --help)");
        }
        List<Path> files = new ArrayList<>();
        for (String name : positionals) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                throw new UsageException((Files.exists(file) ? "not a regular file: " : "no such file: ") + name);
            }
            files.add(file);
        }
        return files;
    }
}
