package dev.logshield.crypto.cli;

/**
 * One option a command accepts: its long name, an optional one-letter alias, whether it takes a value (and how
 * the help calls that value), whether it may be repeated, and one line of help.
 */
record Option(String name, String alias, String valueName, boolean repeatable, String help) {

    boolean takesValue() {
        return valueName != null;
    }

    /** How the option reads in a usage line: {@code -i, --identity FILE}. */
    String synopsis() {
        String names = alias == null ? name : alias + ", " + name;
        return takesValue() ? names + ' ' + valueName : names;
    }
}
