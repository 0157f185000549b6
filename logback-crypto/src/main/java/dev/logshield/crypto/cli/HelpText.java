package dev.logshield.crypto.cli;

import java.util.List;

/** Renders {@code --help} for the whole tool and for one command from the commands' own option declarations. */
final class HelpText {

    private HelpText() {
    }

    static String forCommand(Command command) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: ").append(command.usage()).append("\n\n");
        text.append(command.description().strip()).append("\n");
        List<Option> options = command.parser().options();
        String help = "-h, --help";
        int width = Math.max(help.length(), options.stream().mapToInt(o -> o.synopsis().length()).max().orElse(0));
        text.append("\nOptions:\n");
        for (Option option : options) {
            text.append("  ").append(pad(option.synopsis(), width)).append("  ").append(option.help());
            if (option.repeatable()) {
                text.append(" (repeatable)");
            }
            text.append('\n');
        }
        text.append("  ").append(pad(help, width)).append("  this help\n");
        return text.toString();
    }

    static String forTool(List<Command> commands) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: logcrypt <command> [options] [FILE...]\n\n")
                .append("Reads, verifies and manages LogShield encrypted log files (LSE v1).\n\nCommands:\n");
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Command command : commands) {
            text.append("  ").append(pad(command.name(), width)).append("  ").append(command.summary()).append('\n');
        }
        text.append("  ").append(pad("cat", width)).append("  same as decrypt; cat --follow is follow\n")
                .append("\nlogcrypt <command> --help describes a command.\n")
                .append("Exit codes: 0 intact and closed, 1 tampered/corrupt or failure, 2 usage error, 3 key error,"
                        + " 4 intact but not closed.\n");
        return text.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
