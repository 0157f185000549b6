package dev.logshield.redact.json;

import dev.logshield.redact.engine.Redactor;
import java.util.Set;

/**
 * Decides the name a field is written under, so that no name appears twice in a JSON object and application
 * data can never pass for one of the encoder's own fields.
 *
 * <ol>
 *   <li>The name is redacted and capped like any text (a key can carry a secret too).</li>
 *   <li>At the top level of the event, a field written by the MDC, an argument or key-value, or a marker whose
 *       name is protected (a standard field such as {@code level}, or LogShield's {@code logshield_error*})
 *       is written as {@code mdc.level}, {@code arg.level} or {@code marker.level}. LogShield's error field
 *       names are reserved against every other writer too. When no provider loop said who writes (the decorator
 *       used on its own), the writer of a default standard name is found on the call stack.</li>
 *   <li>A name already written in the same object gets the writer's prefix (top level, application data) or
 *       else a numeric suffix: {@code name#2}, {@code name#3}... The first writer keeps the plain name.</li>
 * </ol>
 */
final class FieldNamer {

    static final String ERROR_FIELD = "logshield_error";
    static final String ERROR_FLAG_FIELD = "logshield_error_flag";

    private FieldNamer() {
    }

    static String name(JsonRedaction config, Redactor redactor, String name, NameSet taken, boolean topLevel,
                       FieldSource source, Set<String> protectedNames) {
        String clean = config.name(redactor, name);
        String candidate = clean;
        if (topLevel && source == FieldSource.UNKNOWN && ProtectedFieldNames.DEFAULTS.contains(clean)) {
            source = FieldSource.ofCaller(); // decorator used alone: ask the call stack which provider writes
            protectedNames = ProtectedFieldNames.DEFAULTS;
        }
        if (topLevel && source != FieldSource.SELF) {
            boolean reserved = ERROR_FIELD.equals(clean) || ERROR_FLAG_FIELD.equals(clean);
            if (reserved || (source.isApplicationData() && protectedNames.contains(clean))) {
                candidate = source.isApplicationData() ? source.prefix() + clean : numbered(clean, taken);
                config.countProtectedRename();
            }
        }
        if (!taken.contains(candidate)) {
            return candidate;
        }
        if (topLevel && source == FieldSource.UNKNOWN) {
            source = FieldSource.ofCaller(); // the prefix of a duplicate says who wrote it
        }
        config.countDuplicateRename();
        if (topLevel && source.isApplicationData() && !candidate.startsWith(source.prefix())) {
            String prefixed = source.prefix() + candidate;
            if (!taken.contains(prefixed)) {
                return prefixed;
            }
            candidate = prefixed;
        }
        return numbered(candidate, taken);
    }

    private static String numbered(String base, NameSet taken) {
        for (int n = 2; n < 8; n++) {
            String next = base + "#" + n;
            if (!taken.contains(next)) {
                return next;
            }
        }
        // many copies of one name (hostile raw JSON): start past every name written so far, so the search
        // stays short instead of walking #2..#n again for each copy
        for (int n = taken.size() + 2; ; n++) {
            String next = base + "#" + n;
            if (!taken.contains(next)) {
                return next;
            }
        }
    }
}
